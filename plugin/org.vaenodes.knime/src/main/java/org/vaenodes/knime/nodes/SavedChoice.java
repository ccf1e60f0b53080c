package org.vaenodes.knime.nodes;

import java.util.Arrays;
import java.util.Optional;

/**
 * One value of a mode setting. The setting is stored as a string, as KNIME's own button groups store theirs, so
 * that flow variables and workflows saved by earlier versions keep working; the enum gives the node code one place
 * that knows the strings.
 */
public interface SavedChoice {

    /** The string the setting is saved as; never changes, workflows depend on it. */
    String key();

    /** What the dialog shows for this value. */
    String label();

    /** The saved strings of all values, in declaration order (the order of the dialog's buttons). */
    static <E extends Enum<E> & SavedChoice> String[] keys(final Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(SavedChoice::key).toArray(String[]::new);
    }

    /** The dialog labels of all values, in the order of {@link #keys}. */
    static <E extends Enum<E> & SavedChoice> String[] labels(final Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(SavedChoice::label).toArray(String[]::new);
    }

    /** The value saved as {@code key}, if there is one. */
    static <E extends Enum<E> & SavedChoice> Optional<E> find(final Class<E> type, final String key) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.key().equals(key)).findFirst();
    }
}
