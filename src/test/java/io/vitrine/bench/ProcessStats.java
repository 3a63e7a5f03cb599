package io.vitrine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CPU time and memory of another process, from Linux's /proc (and the JDK's jcmd for a JVM's heap). */
public final class ProcessStats {

    /** USER_HZ: /proc reports CPU time in ticks of 10 ms on Linux. */
    private static final double MS_PER_TICK = 10.0;

    private ProcessStats() {}

    /** User plus system CPU time the process has used so far. */
    static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * MS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc of " + pid, e);
        }
    }

    /** Resident set size in MiB. */
    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("No VmRSS for " + pid);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc of " + pid, e);
        }
    }

    /** Heap in use in KiB right after a full collection, asked of the JVM with jcmd. */
    static long heapUsedAfterGcKiB(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        // G1 reports one heap; the serial collector its young and old generations apart: the sum of their "used".
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        long sum = 0;
        boolean found = false;
        while (used.find()) {
            sum += Long.parseLong(used.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("No heap figure in: " + info);
        }
        return sum;
    }

    /** The live objects by class (a full collection first), to see what each idle session holds. */
    static String classHistogram(long pid) throws IOException, InterruptedException {
        return jcmd(pid, "GC.class_histogram");
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process process = new ProcessBuilder(List.of(jcmd, Long.toString(pid), command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    /**
     * The machine, to print beside results: CPUs, their model, memory and Java version. A virtual machine may name
     * its processor only "AMD EPYC", so the family, model and stepping go with it: runs on different processor
     * generations are not one machine's figures.
     */
    public static String machine() {
        String model = "?";
        String memory = "?";
        try {
            List<String> cpu = Files.readAllLines(Path.of("/proc/cpuinfo"));
            model = cpuField(cpu, "model name") + " (family " + cpuField(cpu, "cpu family") + ", model "
                    + cpuField(cpu, "model") + ", stepping " + cpuField(cpu, "stepping")
                    + (cpuField(cpu, "flags").contains("avx512f") ? ", AVX-512" : "") + ")";
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024 * 1024) + " GiB RAM").orElse("?");
        } catch (IOException e) {
            // Not Linux: leave the figures out.
        }
        return Runtime.getRuntime().availableProcessors() + " CPUs, " + model + ", " + memory + ", Java "
                + System.getProperty("java.version");
    }

    /** The first value of a field of /proc/cpuinfo ("model" is not "model name"). */
    private static String cpuField(List<String> cpuinfo, String field) {
        return cpuinfo.stream().filter(l -> l.startsWith(field) && l.substring(0, l.indexOf(':')).strip().equals(field))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
    }

    /** The machine's one-minute load average, to print beside results taken on a shared machine. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
