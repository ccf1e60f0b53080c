package org.vaenodes.cli;

import java.util.Locale;

/** Range checks for option values, failing with a {@link UsageException} that names the option. */
final class Arguments {

    private Arguments() {
    }

    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new UsageException(String.format(Locale.ROOT, "%s %d: must be at least %d", option, value, min));
        }
    }

    static void between(String option, long value, long min, long max, String why) {
        if (value < min || value > max) {
            throw new UsageException(String.format(Locale.ROOT, "%s %d: must be %d..%d%s", option, value, min, max,
                    why.isEmpty() ? "" : " (" + why + ")"));
        }
    }
}
