package org.bulwark.cli.internal;

import org.bulwark.collector.api.Category;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts {@code operating-system}, {@code "Operating system"}, {@code OPERATING_SYSTEM}. */
final class CategoryConverter implements ITypeConverter<Category> {
    @Override
    public Category convert(String value) {
        try {
            return Category.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
