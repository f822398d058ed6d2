package org.nocturne.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Drives one scenario with wrk (Debian package {@code wrk}, installed only where the load test
 * runs; the build never needs it): a closed loop of {@code connections} keep-alive connections on
 * two wrk threads for a fixed time, POSTing one body. With a token file each request carries the
 * next unused token of the pool ({@code Authorization: Bearer}); with {@code @@ACCESS@@} in the
 * body each request gets its own FHIR access token there (so nothing is served from the cache),
 * with {@code @@HOOK@@} its own {@code hookInstance} (a UUID), as an EHR sends.
 */
final class Wrk {
  static final int THREADS = 2;

  /** Tokens kept back at the end of a pool for the requests in flight when it runs out. */
  static final int RESERVE = 64;

  /** The line a run prints, on its own, when its token pool ran out. */
  static final String POOL_RAN_OUT = "token pool ran out";

  /**
   * @param exhausted the run's token pool ran out: wrk still divides by the whole duration, so its
   *     rate is the pool's size, not the service's
   */
  record Result(
      long requests,
      long errors,
      double seconds,
      double rps,
      double p50,
      double p99,
      boolean exhausted) {}

  private Wrk() {}

  static Result run(String url, int connections, int seconds, Path body, Path tokens, Path work)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile(work, "wrk-", ".lua");
    Files.writeString(script, script(body, tokens), StandardCharsets.UTF_8);
    Process wrk =
        new ProcessBuilder(
                "wrk",
                "-t" + Math.min(THREADS, connections),
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                script.toString(),
                url)
            .redirectErrorStream(true)
            .start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + out);
    }
    Files.delete(script);
    return parse(out, seconds);
  }

  /**
   * The report of a pool that ran out, checked before anything is measured: a pool smaller than a
   * one-second run must be reported, one far larger must not be. (A report that matched its own
   * text in wrk's output once flagged every run; an unreported one capped ours unseen.)
   */
  static void checkPoolReport(String url, Path body, Path work)
      throws IOException, InterruptedException {
    boolean small = run(url, 2, 1, body, dummyPool(work, RESERVE + 10), work).exhausted();
    boolean large = run(url, 2, 1, body, dummyPool(work, 1_000_000), work).exhausted();
    if (!small || large) {
      throw new IllegalStateException(
          "wrk's token pool report is wrong: a pool of "
              + (RESERVE + 10)
              + (small ? " was" : " was not")
              + " reported as run out, one of 1,000,000"
              + (large ? " was" : " was not"));
    }
  }

  private static Path dummyPool(Path work, int size) throws IOException {
    Path pool = work.resolve("check-tokens.txt");
    Files.write(pool, IntStream.range(0, size).mapToObj(i -> "token-" + i).toList());
    return pool;
  }

  /** The placeholder of a body's {@code hookInstance}: each request gets a new UUID there. */
  static final String HOOK = "@@HOOK@@";

  /** The placeholder of a FHIR access token: each request gets its own (nothing is cached). */
  static final String ACCESS = "@@ACCESS@@";

  private static String script(Path body, Path tokens) throws IOException {
    String read =
        """
        local f = io.open("BODY", "rb")
        local body = f:read("*a")
        f:close()
        """
            .replace("BODY", body.toAbsolutePath().toString());
    String text = Files.readString(body);
    boolean vary = text.contains(ACCESS) || text.contains(HOOK);
    if (tokens == null && !vary) {
      // static: wrk builds the request once per thread
      return read
          + """
          wrk.method = "POST"
          wrk.body = body
          wrk.headers["Content-Type"] = "application/json"
          """;
    }
    // the body split once at its placeholders; each request joins the parts with its own values
    return read
        + """
        local counter = 0
        local threads = {}
        function setup(thread)
          thread:set("id", counter)
          counter = counter + 1
          threads[#threads + 1] = thread
        end
        -- wrk counts a run's requests over its whole duration, stopped threads or not: a pool that
        -- ran out caps the rate at its size, so the run says so
        function done(summary, latency, requests)
          for _, thread in ipairs(threads) do
            if thread:get("exhausted") == 1 then
              io.write("POOL_RAN_OUT\\n")
              return
            end
          end
        end
        local tokens = nil
        local i
        local parts, kinds = {}, {}
        local headers = {["Content-Type"] = "application/json"}
        exhausted = 0 -- a number: a thread's nil does not cross to done() as nil
        function init(args)
          local at = 1
          while true do
            local a = string.find(body, "@@ACCESS@@", at, true)
            local h = string.find(body, "@@HOOK@@", at, true)
            local next, kind, len
            if a ~= nil and (h == nil or a < h) then next, kind, len = a, "access", 10
            elseif h ~= nil then next, kind, len = h, "hook", 8
            else break end
            parts[#parts + 1] = string.sub(body, at, next - 1)
            kinds[#kinds + 1] = kind
            at = next + len
          end
          parts[#parts + 1] = string.sub(body, at)
          if "TOKENS" ~= "" then
            tokens = {}
            for line in io.lines("TOKENS") do tokens[#tokens + 1] = line end
          end
          i = id + 1
        end
        function request()
          local b = body
          if #kinds > 0 then
            local out = {}
            for k = 1, #kinds do
              out[#out + 1] = parts[k]
              if kinds[k] == "access" then
                out[#out + 1] = "access-" .. id .. "-" .. i
              else
                -- a new hookInstance per call, as EHRs send: a UUID unique in this run
                out[#out + 1] = string.format("SALT-%04x-4000-8000-%012x", id, i)
              end
            end
            out[#out + 1] = parts[#parts]
            b = table.concat(out)
          end
          if tokens ~= nil then
            -- the pool's last RESERVE tokens serve the requests in flight when it runs out: the
            -- thread stops rather than send a token twice (a 401), and done() reports it
            if i > #tokens - RESERVE then
              exhausted = 1
              wrk.thread:stop()
            end
            headers["Authorization"] = "Bearer " .. (tokens[math.min(i, #tokens)])
          end
          i = i + STRIDE
          return wrk.format("POST", nil, headers, b)
        end
        """
            .replace("TOKENS", tokens == null ? "" : tokens.toAbsolutePath().toString())
            .replace("STRIDE", Integer.toString(THREADS))
            .replace("RESERVE", Integer.toString(RESERVE))
            .replace("POOL_RAN_OUT", POOL_RAN_OUT)
            .replace("SALT", String.format("%08x", SALTS.nextInt()));
  }

  /**
   * Makes each wrk run's hookInstances differ from every other run's: the counters restart with
   * every run, and a salt shared by the runs of one load test sent the warm-up's hookInstances (and
   * so its card uuids) again in every measured run.
   */
  private static final SecureRandom SALTS = new SecureRandom();

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(ms|s|m)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  static Result parse(String out, int seconds) {
    Matcher total = TOTAL.matcher(out);
    if (!total.find()) {
      throw new IllegalStateException("unexpected wrk output:\n" + out);
    }
    long requests = Long.parseLong(total.group(1));
    long errors = 0;
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = SOCKET.matcher(out);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    Matcher rps = RPS.matcher(out);
    rps.find();
    double ran = Double.parseDouble(total.group(2));
    ran =
        switch (total.group(3)) {
          case "ms" -> ran / 1000;
          case "m" -> ran * 60;
          default -> ran;
        };
    return new Result(
        requests,
        errors,
        ran,
        Double.parseDouble(rps.group(1)),
        percentile(out, "50%"),
        percentile(out, "99%"),
        // a whole line: wrk echoes a broken script's source, marker and all, in its error
        out.lines().anyMatch(POOL_RAN_OUT::equals));
  }

  private static double percentile(String out, String which) {
    Matcher m =
        Pattern.compile("\\s" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s|m)").matcher(out);
    if (!m.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "ms" -> value;
      case "s" -> value * 1000;
      default -> value * 60_000;
    };
  }

  static String describe(Result r) {
    return String.format(
        Locale.ROOT,
        "%.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%s",
        r.rps(),
        r.p50(),
        r.p99(),
        r.errors(),
        r.exhausted() ? " (TOKEN POOL RAN OUT: a lower bound)" : "");
  }

  static List<String> versionLine() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines().limit(1).toList();
  }
}
