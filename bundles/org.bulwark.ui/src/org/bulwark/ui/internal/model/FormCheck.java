package org.bulwark.ui.internal.model;

/**
 * An edit form checked against what it edits: what to write, or what is wrong. The edit dialogs show the error
 * and enable OK only when {@link #changed()}.
 *
 * @param <U> the store's update value
 */
public interface FormCheck<U> {

    /** @return the changes to write, or {@code null} when the form is wrong or changes nothing */
    U update();

    /** @return what is wrong with the form, or {@code null} */
    String error();

    /** @return whether there is something to write: the form is right and changes something */
    default boolean changed() {
        return update() != null;
    }
}
