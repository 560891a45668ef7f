package org.bulwark.cli.internal;

import picocli.CommandLine.Option;

/** The {@code --by NAME} of the commands that change a stored exception or activity: a picocli mixin. */
final class ByOption {

    @Option(names = "--by", paramLabel = "NAME", description = "Who does it. Default: the current user.")
    String by;

    /** @return who does it: {@code --by}, else the current user */
    String who() {
        return by != null ? by : StoreCommand.user();
    }
}
