package com.patientpayments.bff.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The external load generators the HTTP benchmarks drive, so the load is made by a compiled, well-kept tool rather
 * than by a Java client competing with the server for the JIT and the cores: Debian's {@code wrk} (closed loop:
 * saturated throughput and latency percentiles) and Debian's {@code hey} (its {@code -q} caps each worker's rate, a
 * steady arrival rate as long as an answer takes less than the worker's interval; {@code wrk} has no constant-rate
 * mode). Install: {@code apt-get install -y wrk hey}.
 */
final class LoadTool {

    private LoadTool() {}

    /** One wrk or hey run: throughput and latency percentiles in milliseconds, and the non-2xx answers. */
    record Result(double requestsPerSecond, double p50, double p95, double p99, long errors, String output) {

        /** Requests completed in the run ({@code wrk}'s "N requests in"; 0 when the tool does not print it). */
        long requests() {
            Matcher m = Pattern.compile("(\\d+) requests in").matcher(output);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
    }

    /**
     * {@code wrk -t1 -c<connections> -d<seconds>s --latency} against {@code url}: a POST with {@code body} when it is
     * not null, else a GET, with the given headers. Every target runs the same Lua script, so the tool's own cost is
     * the same for product and floors: it builds each request from the current headers and, like a browser, keeps
     * the cookie a response sets (the BFF renews its sliding session cookie at most every 10 s; a client that kept
     * sending the first cookie would have it re-signed on every request, which no browser causes).
     */
    static Result wrk(String url, int connections, int seconds, String body, List<String> headers)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(
                List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency", "--timeout", "10s"));
        Path script = Files.createTempFile("bench-wrk-", ".lua");
        StringBuilder lua = new StringBuilder();
        if (body != null) {
            lua.append("wrk.method = \"POST\"\nwrk.body = ")
                    .append(luaString(body))
                    .append("\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
        }
        for (String h : headers) {
            String[] kv = h.split(":", 2);
            lua.append("wrk.headers[")
                    .append(luaString(kv[0].trim()))
                    .append("] = ")
                    .append(luaString(kv[1].trim()))
                    .append('\n');
        }
        lua.append("""
                request = function()
                  return wrk.format()
                end
                response = function(status, headers, body)
                  local c = headers["Set-Cookie"] or headers["set-cookie"]
                  if c then
                    local v = c:match("^([^;]+)")
                    if v and not v:match("=$") then
                      wrk.headers["Cookie"] = v
                    end
                  end
                end
                """);
        Files.writeString(script, lua);
        cmd.add("-s");
        cmd.add(script.toString());
        cmd.add(url);
        String out = run(cmd, seconds + 30);
        Files.deleteIfExists(script);
        double rps = number(out, "Requests/sec:\\s+([\\d.]+)");
        long non2xx = (long) numberOr(out, "Non-2xx or 3xx responses:\\s+(\\d+)", 0);
        long socketErrors = 0;
        Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        if (m.find()) {
            socketErrors = Long.parseLong(m.group(1)) + Long.parseLong(m.group(3)) + Long.parseLong(m.group(4));
        }
        return new Result(
                rps,
                wrkLatency(out, "50%"),
                wrkLatency(out, "90%"),
                wrkLatency(out, "99%"),
                non2xx + socketErrors,
                out);
    }

    /**
     * {@code hey -z <seconds>s -c <workers> -q <perWorker>} POSTing {@code body}: a steady total of
     * {@code workers × perWorker} requests per second. Latency is measured from each request's send.
     */
    static Result hey(String url, int workers, double perWorker, int seconds, String body, List<String> headers)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "hey",
                "-z",
                seconds + "s",
                "-c",
                Integer.toString(workers),
                "-q",
                String.valueOf(perWorker),
                "-m",
                "POST",
                "-T",
                "application/json",
                "-d",
                body));
        for (String h : headers) {
            cmd.add("-H");
            cmd.add(h);
        }
        cmd.add(url);
        String out = run(cmd, seconds + 60);
        long ok = (long) numberOr(out, "\\[200\\]\\s+(\\d+) responses", 0);
        long all = 0;
        Matcher m = Pattern.compile("\\[\\d{3}\\]\\s+(\\d+) responses").matcher(out);
        while (m.find()) {
            all += Long.parseLong(m.group(1));
        }
        long errors = all - ok;
        int at = out.indexOf("Error distribution:");
        if (at >= 0) {
            Matcher e = Pattern.compile("\\[(\\d+)\\]\\s").matcher(out.substring(at));
            while (e.find()) {
                errors += Long.parseLong(e.group(1));
            }
        }
        return new Result(
                number(out, "Requests/sec:\\s+([\\d.]+)"),
                heyLatency(out, "50%"),
                heyLatency(out, "95%"),
                heyLatency(out, "99%"),
                errors,
                out);
    }

    private static String run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd.get(0) + " did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(cmd.get(0) + " failed (" + p.exitValue() + "): " + text);
        }
        return text;
    }

    /** wrk prints latencies as {@code 3.77ms}, {@code 812.00us} or {@code 1.02s}; answers milliseconds. */
    private static double wrkLatency(String out, String percentile) {
        Matcher m =
                Pattern.compile("\\s" + percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's output:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    /**
     * hey prints {@code 95% in 0.0500 secs}; answers milliseconds, or NaN when hey left the percentile out (it does
     * for runs with few answers).
     */
    private static double heyLatency(String out, String percentile) {
        return numberOr(out, "\\s" + percentile + " in ([\\d.]+) secs", Double.NaN) * 1000;
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected load tool output (no /" + regex + "/):\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double numberOr(String out, String regex, double otherwise) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
    }

    private static String luaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
