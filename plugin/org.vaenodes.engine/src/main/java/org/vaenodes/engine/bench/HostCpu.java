package org.vaenodes.engine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Linux's CPU accounting, read where it exists: the machine's counters from {@code /proc/stat} and this
 * process's CPU time from {@code /proc/self/stat}, both in clock ticks (USER_HZ, 100 per second on every Linux
 * this runs on). On a virtual machine a slow iteration is either more work or time the hypervisor gave our cores
 * to somebody else; the steal counter and the process's CPU time per iteration tell the two apart.
 */
final class HostCpu {

    /** Milliseconds per clock tick (USER_HZ = 100). */
    static final double MS_PER_TICK = 10.0;

    /** The machine's cumulative CPU counters over all cores, in ticks. */
    record Counters(long busy, long idle, long steal) {

        long total() {
            return busy + idle + steal;
        }

        /** Steal's share of all CPU time between {@code this} and {@code later}; NaN if none passed. */
        double stealShareUntil(Counters later) {
            long total = later.total() - total();
            return total <= 0 ? Double.NaN : (later.steal - steal) / (double) total;
        }

        /** Idle's (including I/O wait's) share of all CPU time between {@code this} and {@code later}. */
        double idleShareUntil(Counters later) {
            long total = later.total() - total();
            return total <= 0 ? Double.NaN : (later.idle - idle) / (double) total;
        }
    }

    private HostCpu() {
    }

    /** The machine's counters now, or null where /proc/stat cannot be read. */
    static Counters counters() {
        return parseCounters(firstLine(Path.of("/proc/stat")));
    }

    /** This process's user + system CPU time so far in ticks, or -1 where /proc/self/stat cannot be read. */
    static long processTicks() {
        return parseProcessTicks(firstLine(Path.of("/proc/self/stat")));
    }

    /**
     * The aggregate line of /proc/stat: {@code cpu user nice system idle iowait irq softirq steal [guest
     * guest_nice]}. Guest time is already inside user and nice, so it is not added again. Null if malformed.
     */
    static Counters parseCounters(String line) {
        if (line == null || !line.startsWith("cpu ")) {
            return null;
        }
        String[] f = line.trim().split("\\s+");
        if (f.length < 9) {
            return null;
        }
        try {
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = Long.parseLong(f[8]);
            return new Counters(user + nice + system + irq + softirq, idle + iowait, steal);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * utime + stime (fields 14 and 15) of a /proc/PID/stat line. The command name (field 2) is in parentheses
     * and may itself contain spaces and parentheses, so fields are counted from the last ')'. -1 if malformed.
     */
    static long parseProcessTicks(String line) {
        if (line == null) {
            return -1;
        }
        int close = line.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] f = line.substring(close + 1).trim().split("\\s+");
        // f[0] is field 3 (state), so field n is f[n - 3]
        if (f.length < 13) {
            return -1;
        }
        try {
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String firstLine(Path file) {
        if (!Files.isReadable(file)) {
            return null;
        }
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
