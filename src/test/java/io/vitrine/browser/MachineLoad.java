package io.vitrine.browser;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How busy the machine was while a benchmark ran: the load average, the CPU of the whole machine (and the share the
 * hypervisor stole), of this JVM (the server and the test driving it) and of the browsers it started. A figure
 * measured beside other work is not the same figure as on an idle machine; this says which one it was.
 * Reads Linux's {@code /proc}; elsewhere the figures it cannot read are left out.
 */
final class MachineLoad {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Sample start;

    private MachineLoad(Sample start) {
        this.start = start;
    }

    /** Starts measuring now. */
    static MachineLoad start() {
        return new MachineLoad(Sample.now());
    }

    /** What was used since {@link #start()}, on one line. */
    String summary() {
        Sample end = Sample.now();
        double wall = (end.nanos - start.nanos) / 1e9;
        double cores = Runtime.getRuntime().availableProcessors();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.0f s; load average %s (%d CPUs)",
                wall, end.loadAverage, (int) cores));
        if (end.machineBusy >= 0 && start.machineBusy >= 0) {
            double busy = (end.machineBusy - start.machineBusy) / TICKS_PER_SECOND;
            double steal = (end.machineSteal - start.machineSteal) / TICKS_PER_SECOND;
            double server = (end.serverCpu - start.serverCpu) / 1e9;
            double browsers = (end.browsersCpu - start.browsersCpu) / TICKS_PER_SECOND;
            double driver = (end.driverCpu - start.driverCpu) / TICKS_PER_SECOND;
            double others = Math.max(0, busy - server - browsers - driver);
            line.append(String.format(Locale.ROOT, "; machine CPU busy %.0f%% (stolen %.0f%%); CPU used: server JVM %.1f s (%.0f%% of a core),"
                            + " browsers %.1f s (%.0f%%), Playwright driver %.1f s, other processes %.1f s (%.0f%%)",
                    100 * busy / (wall * cores), 100 * steal / (wall * cores), server, 100 * server / wall, browsers, 100 * browsers / wall,
                    driver, others, 100 * others / wall));
        }
        return line.toString();
    }

    private record Sample(long nanos, String loadAverage, long machineBusy, long machineSteal, long serverCpu, long browsersCpu, long driverCpu) {

        static Sample now() {
            long[] browsersAndDriver = descendantsCpu();
            long[] machine = machineTicks();
            return new Sample(System.nanoTime(), readLoadAverage(), machine[0], machine[1], serverCpuNanos(), browsersAndDriver[0], browsersAndDriver[1]);
        }

        private static String readLoadAverage() {
            String line = read(Path.of("/proc/loadavg"));
            return line == null ? "unknown" : String.join(" ", Arrays.copyOf(line.trim().split("\\s+"), 3));
        }

        /** Busy ticks (everything but idle and I/O wait) and stolen ticks of all CPUs, from the first line of /proc/stat. */
        private static long[] machineTicks() {
            String stat = read(Path.of("/proc/stat"));
            if (stat == null) {
                return new long[] {-1, -1};
            }
            String[] f = stat.lines().findFirst().orElse("").trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user … steal; guest time is already in user
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, f.length > 8 ? Long.parseLong(f[8]) : 0};
        }

        private static long serverCpuNanos() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
            return 0;
        }

        /**
         * CPU ticks of the processes this JVM started: Chromium's (with its renderers and GPU/utility processes, also
         * those that ended and were reaped by a living parent) and the rest (Playwright's driver).
         */
        private static long[] descendantsCpu() {
            long[] sums = new long[2];
            ProcessHandle.current().descendants().forEach(process -> {
                String stat = read(Path.of("/proc", String.valueOf(process.pid()), "stat"));
                if (stat == null) {
                    return;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields 14–17 of the stat line (utime, stime, cutime, cstime) are 11–14 after the name
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                sums[name.toLowerCase(Locale.ROOT).contains("chrom") ? 0 : 1] += ticks;
            });
            return sums;
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException | UnsupportedOperationException e) {
                return null;
            }
        }
    }
}
