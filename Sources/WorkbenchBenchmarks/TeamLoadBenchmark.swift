import Annotations
import Foundation
import WorkbenchTeam

/// Many annotators at once on one PostgreSQL: N clients, each with its own connection and session
/// store (`TeamSessionStore`, the REPL's store), making M edits as fast as the server commits them.
/// Reports events/s and the acknowledged-edit latency (p50, p99), then checks that every
/// acknowledged edit is stored exactly once. With `--restart-after S` the server is restarted
/// (scripts/postgres restart) S seconds in: a failed edit is retried, as a user would, until stored.
///
///     eval "$(scripts/postgres start)"
///     swift run -c release WorkbenchBenchmarks team-load --url "$WORKBENCH_TEAM_TEST_URL" [--clients 50] [--edits 500] [--restart-after 2]
///
/// `--url "$WORKBENCH_TEAM_SOCKET_URL"` measures the same through the server's Unix-domain socket;
/// `--after-init SQL` runs SQL as the owner after `team init` (a trial's schema change, A/B);
/// `--notify-interval S` changes how often each writer notifies `team status --watch` (a trial:
/// 1000 leaves the notifications out of the run). The edits that follow a notification are
/// reported apart (their latency includes the notification's answer).
enum TeamLoadBenchmark {
    static let benchmark = Benchmark(
        name: "team-load", summary: "N clients x M edits on one PostgreSQL: events/s, p50/p99, all stored once (--restart-after S)"
    ) { arguments in try run(arguments) }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        var latencies: [Double] = []
        /// The latencies of the edits that came right after a notification.
        var afterNotification: [Double] = []
        /// Each acknowledged edit: when it was acknowledged (monotonic nanoseconds), its latency and
        /// its place among its client's edits.
        var timeline: [(end: UInt64, latency: Double, index: Int)] = []
        var failures = 0
        var errors: [String] = []
        var acknowledged: [String: [Int]] = [:]
        func add(
            _ name: String, latencies: [Double], afterNotification: [Double] = [], timeline: [(end: UInt64, latency: Double, index: Int)] = [],
            seqs: [Int], failures: Int, error: String?
        ) {
            lock.withLock {
                self.latencies += latencies
                self.afterNotification += afterNotification
                self.timeline += timeline
                self.failures += failures
                acknowledged[name] = seqs
                if let error { errors.append(error) }
            }
        }
    }

    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkSupport.options(arguments, allowed: ["url", "clients", "edits", "restart-after", "seeds", "pgpass", "after-init", "notify-interval"])
        guard let ownerURL = options["url"] ?? ProcessInfo.processInfo.environment["WORKBENCH_TEAM_TEST_URL"] else {
            throw BenchmarkSupport.UsageError(description: "--url OWNER_URL (a local test cluster: eval \"$(scripts/postgres start)\")")
        }
        let clients = Int(options["clients"] ?? "50") ?? 50
        let edits = Int(options["edits"] ?? "500") ?? 500
        let restartAfter = options["restart-after"].flatMap(Double.init)
        let notifyInterval = options["notify-interval"].flatMap(Double.init) ?? TeamSchema.notificationInterval
        let pgpass = options["pgpass"] ?? NSTemporaryDirectory() + "workbench-team-load-\(getpid()).pgpass"
        if let owner = ProcessInfo.processInfo.environment["PGPASSFILE"], let data = FileManager.default.contents(atPath: owner) {
            _ = FileManager.default.createFile(atPath: pgpass, contents: data, attributes: [.posixPermissions: 0o600])
        }
        defer { unlink(pgpass) }

        // A fresh database with the seeds corpus and one member per client.
        let suffix = String(UUID().uuidString.prefix(6)).lowercased()
        let database = "wbload_" + suffix
        let admin = try PostgresConnection(url: try DatabaseURL(ownerURL), passwordFile: pgpass)
        try admin.query("CREATE DATABASE \(database)")
        admin.close()
        let url = try DatabaseURL(ownerURL).replacingDatabase(with: database).text
        let serverURL = try DatabaseURL(url).removingUser.text
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: [BenchmarkSupport.seedFolder(options["seeds"])]))
        let project = try TeamProject(connection: PostgresConnection(url: try DatabaseURL(url), passwordFile: pgpass))
        try project.initialise(corpus: corpus, schema: .standard)
        // A trial's change to the schema or the server (run by the owner after `team init`), for A/B runs.
        if let trial = options["after-init"] { try project.connection.query(trial) }
        let names = (0..<clients).map { "load\($0)_\(suffix)" }
        for name in names { try project.addMember(name: name, role: "annotator", passwordFile: pgpass) }
        let keys = corpus.documents.flatMap { document in document.sentences.indices.map { SentenceKey(document: document.document.id, sentence: $0) } }
        let statuses: [SentenceStatus] = [.done, .skipped]

        let results = Results()
        // Every client connects, takes its session and waits; the edits of all clients start together
        // (connecting — a backend started and a password checked — is not an acknowledged edit, and
        // would otherwise compete with the first clients' edits for the two cores).
        let connected = DispatchGroup()
        let go = DispatchSemaphore(value: 0)
        let edited = DispatchGroup()
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        // One thread per client (concurrentPerform would run only as many at once as there are cores).
        for index in 0..<clients {
          connected.enter()
          edited.enter()
          finished.enter()
          Thread {
            defer { finished.leave() }
            let name = names[index]
            var latencies: [Double] = [], afterNotification: [Double] = [], seqs: [Int] = [], failures = 0
            var timeline: [(end: UInt64, latency: Double, index: Int)] = []
            let store: TeamSessionStore
            do {
                store = try TeamSessionStore(url: try DatabaseURL(serverURL), user: name, timeoutSeconds: 10, passwordFileForTests: pgpass, notificationInterval: notifyInterval) { _, name throws(TeamError) -> Session in
                    Session(annotator: name, corpus: CorpusReference(corpus), schema: .standard, created: Timestamp.now())
                }
            } catch {
                connected.leave()
                go.wait()
                edited.leave()
                release.wait()
                results.add(name, latencies: [], seqs: [], failures: 0, error: "\(name): \(error)")
                return
            }
            connected.leave()
            go.wait()
            // The session stays open (its backend alive) until the CPU figures are read.
            defer { try? store.close() }
            do {
                defer {
                    edited.leave()
                    release.wait()
                }
                var notificationsSent = store.notificationsSent
                for edit in 0..<edits {
                    let action = EditAction.setStatus(keys[edit % keys.count], statuses[(edit / keys.count) % 2])
                    while true {
                        // Whether the edit before sent a notification (whose answer this one waits for, or not).
                        let afterNotice = store.notificationsSent != notificationsSent
                        notificationsSent = store.notificationsSent
                        let before = DispatchTime.now().uptimeNanoseconds
                        do {
                            let event = try store.perform(action, time: Timestamp.now(), annotator: name, group: nil)
                            let end = DispatchTime.now().uptimeNanoseconds
                            let latency = Double(end - before) / 1e6
                            latencies.append(latency)
                            timeline.append((end, latency, edit))
                            if afterNotice { afterNotification.append(latency) }
                            seqs.append(event.seq)
                            break
                        } catch {
                            failures += 1
                            guard failures < 1000 else { throw error }
                            Thread.sleep(forTimeInterval: 0.05)
                        }
                    }
                }
                results.add(name, latencies: latencies, afterNotification: afterNotification, timeline: timeline, seqs: seqs, failures: failures, error: nil)
            } catch {
                results.add(name, latencies: latencies, seqs: seqs, failures: failures, error: "\(name): \(error)")
            }
          }.start()
        }
        connected.wait()
        if let restartAfter {
            Thread {
                Thread.sleep(forTimeInterval: restartAfter)
                let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent("scripts/postgres").path
                let start = DispatchTime.now().uptimeNanoseconds
                _ = system("'\(script)' restart >/dev/null 2>&1")
                print(String(format: "server restarted (%.2f s)", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            }.start()
        }
        let walBefore = WALCounters.read(url: url, passwordFile: pgpass)
        let backends = ProcessorTime.backends(url: url, passwordFile: pgpass, applicationPrefix: "workbench load")
        let clientBefore = ProcessorTime.ownProcess(), backendsBefore = ProcessorTime.processes(backends)
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<clients { go.signal() }
        edited.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let clientAfter = ProcessorTime.ownProcess(), backendsAfter = ProcessorTime.processes(backends)
        for _ in 0..<clients { release.signal() }
        finished.wait()
        // A backend reports its WAL counters to pg_stat_wal at most once a second and when it ends:
        // read them once the clients' backends are gone.
        ProcessorTime.waitUntilGone(backends, seconds: 5)
        let walAfter = WALCounters.read(url: url, passwordFile: pgpass)

        // Every acknowledged edit stored, exactly once.
        let check = try TeamProject(connection: PostgresConnection(url: try DatabaseURL(url), passwordFile: pgpass))
        var stored = 0, lost = 0, duplicated = 0
        for name in names {
            let session = try check.session(named: name)
            let seqs = session.events.map(\.seq)
            stored += seqs.count
            duplicated += seqs.count - Set(seqs).count
            let present = Set(seqs)
            lost += (results.acknowledged[name] ?? []).filter { !present.contains($0) }.count
        }
        let sorted = results.latencies.sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        let acknowledged = results.acknowledged.values.reduce(0) { $0 + $1.count }
        let transport = try DatabaseURL(ownerURL).isSocket ? "Unix-domain socket" : "TCP"
        print("clients \(clients) x edits \(edits) over \(transport)\(restartAfter.map { ", server restarted after \($0) s" } ?? "")")
        print(String(format: "%d acknowledged in %.2f s: %.0f events/s; acknowledged edit p50 %.2f ms, p99 %.2f ms, max %.2f ms",
            acknowledged, seconds, Double(acknowledged) / seconds, percentile(0.5), percentile(0.99), sorted.last ?? 0))
        if restartAfter == nil, !results.timeline.isEmpty {
            // Where the slow edits are: by tenth of the run (acknowledged in it), and the first edits
            // of each client (a fresh backend, a fresh table) against the rest.
            func p99(_ values: [Double]) -> Double {
                let sorted = values.sorted()
                return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
            }
            var tenths = [[Double]](repeating: [], count: 10)
            for edit in results.timeline {
                let at = Double(edit.end &- start) / 1e9 / seconds
                tenths[min(9, max(0, Int(at * 10)))].append(edit.latency)
            }
            print("p99 by tenth of the run: " + tenths.map { String(format: "%.1f", p99($0)) }.joined(separator: " ") + " ms; edits per tenth "
                + tenths.map { String($0.count) }.joined(separator: " "))
            let first = results.timeline.filter { $0.index < 25 }.map(\.latency), later = results.timeline.filter { $0.index >= 25 }.map(\.latency)
            print(String(format: "first 25 edits of each client: p99 %.2f ms; the later ones: p99 %.2f ms", p99(first), p99(later)))
        }
        if !results.afterNotification.isEmpty, restartAfter == nil {
            let after = results.afterNotification.sorted()
            func percentile(_ values: [Double], _ p: Double) -> Double { values[min(values.count - 1, Int(Double(values.count) * p))] }
            print(String(format: "edits right after a notification: %d (%.1f %%), p50 %.2f ms, p99 %.2f ms; the others p99 %.2f ms",
                after.count, 100 * Double(after.count) / Double(max(1, sorted.count)), percentile(after, 0.5), percentile(after, 0.99),
                Self.percentileExcluding(sorted, after, 0.99)))
        }
        print("stored \(stored) events; acknowledged but missing \(lost); duplicated \(duplicated); edits reported not saved (then retried) \(results.failures)")
        if let walBefore, let walAfter, restartAfter == nil {
            print(walAfter.summary(since: walBefore, commits: acknowledged, seconds: seconds))
        }
        if restartAfter == nil, acknowledged > 0 {
            let perEdit = { (seconds: Double) in seconds / Double(acknowledged) * 1e6 }
            var text = String(format: "CPU per edit: clients %.0f µs (this process, %.2f s)", perEdit(clientAfter - clientBefore), clientAfter - clientBefore)
            if !backends.isEmpty {
                text += String(format: ", server backends %.0f µs (%d backends, %.2f s)", perEdit(backendsAfter - backendsBefore), backends.count, backendsAfter - backendsBefore)
            }
            var load = [Double](repeating: 0, count: 3)
            if getloadavg(&load, 3) == 3 { text += String(format: "; load average %.2f", load[0]) }
            print(text)
        }
        for error in results.errors.prefix(5) { print("error: \(error)") }
        let cleanup = try PostgresConnection(url: try DatabaseURL(ownerURL), passwordFile: pgpass)
        check.connection.close()
        project.connection.close()
        _ = try? cleanup.query("DROP DATABASE \(database)")
        for name in names { _ = try? cleanup.query("SELECT format('DROP ROLE IF EXISTS %I', $1::text)", [name]).first("format").map { try cleanup.query($0) } }
        if lost > 0 || duplicated > 0 || !results.errors.isEmpty { throw BenchmarkSupport.UsageError(description: "FAILED: acknowledged edits lost or duplicated") }
    }
}

extension TeamLoadBenchmark {
    /// The `p` percentile of `all` without the values of `part` (both sorted; `part` a sub-multiset).
    static func percentileExcluding(_ all: [Double], _ part: [Double], _ p: Double) -> Double {
        var rest: [Double] = []
        rest.reserveCapacity(all.count - part.count)
        var index = 0
        for value in all {
            if index < part.count, part[index] == value { index += 1 } else { rest.append(value) }
        }
        return rest.isEmpty ? 0 : rest[min(rest.count - 1, Int(Double(rest.count) * p))]
    }
}

/// The server's WAL counters (`pg_stat_wal`, the whole cluster) around the edits: how many flushes
/// the commits shared and how long a flush took — what decides a run's throughput on one disk. The
/// flush time needs `track_wal_io_timing` (scripts/postgres turns it on). With `wal_sync_method`
/// `open_datasync` or `open_sync` a WAL write is itself the flush (the file is opened for
/// synchronous writes): `wal_sync` stays 0 and the writes are counted instead.
private struct WALCounters {
    var records: Double, bytes: Double, syncs: Double, syncMilliseconds: Double, timing: Bool, method: String

    static func read(url: String, passwordFile: String) -> WALCounters? {
        guard let connection = try? PostgresConnection(url: try DatabaseURL(url), passwordFile: passwordFile) else { return nil }
        defer { connection.close() }
        guard let rows = try? connection.query(
            """
            SELECT wal_records::text AS r, wal_bytes::text AS b, current_setting('wal_sync_method') AS method,
              (CASE WHEN current_setting('wal_sync_method') LIKE 'open%' THEN wal_write ELSE wal_sync END)::text AS s,
              (CASE WHEN current_setting('wal_sync_method') LIKE 'open%' THEN wal_write_time ELSE wal_sync_time END)::text AS t,
              current_setting('track_wal_io_timing') AS timing FROM pg_stat_wal
            """)
        else { return nil }
        func number(_ column: String) -> Double { Double(rows.first(column) ?? "") ?? 0 }
        return WALCounters(
            records: number("r"), bytes: number("b"), syncs: number("s"), syncMilliseconds: number("t"), timing: rows.first("timing") == "on",
            method: rows.first("method") ?? "?")
    }

    func summary(since before: WALCounters, commits: Int, seconds: Double) -> String {
        let syncs = syncs - before.syncs
        let perFlush = syncs > 0 ? Double(commits) / syncs : 0
        let what = method.hasPrefix("open") ? "synchronous writes (\(method))" : "flushes (\(method))"
        var text = String(format: "WAL during the edits: %.0f records, %.1f MB, %.0f ", records - before.records, (bytes - before.bytes) / 1e6, syncs)
            + what + String(format: " (%.1f commits per flush)", perFlush)
        if timing && before.timing && syncs > 0 {
            let milliseconds = syncMilliseconds - before.syncMilliseconds
            text += String(format: ", mean flush %.2f ms, flushing %.0f %% of the run", milliseconds / syncs, milliseconds / (seconds * 10))
        } else {
            text += " (flush time: turn on track_wal_io_timing)"
        }
        return text
    }
}

/// Processor time (user + system, seconds) of this process and of the server's backends, from
/// `getrusage` and `/proc/PID/stat` (a server on this machine, Linux): what one edit costs each side.
private enum ProcessorTime {
    static func ownProcess() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The backend processes serving the connections whose application name starts with `prefix`.
    static func backends(url: String, passwordFile: String, applicationPrefix prefix: String) -> [Int32] {
        guard let connection = try? PostgresConnection(url: try DatabaseURL(url), passwordFile: passwordFile) else { return [] }
        defer { connection.close() }
        let rows = try? connection.query("SELECT pid::text AS pid FROM pg_stat_activity WHERE application_name LIKE $1 AND datname = current_database()", [prefix + "%"])
        return rows?.values("pid").compactMap { $0.flatMap { Int32($0) } } ?? []
    }

    /// Waits (at most `seconds`) until the processes `pids` have ended.
    static func waitUntilGone(_ pids: [Int32], seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, pids.contains(where: { FileManager.default.fileExists(atPath: "/proc/\($0)") }) {
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// The summed processor time of `pids` (0 for one that is gone or not on this machine).
    static func processes(_ pids: [Int32]) -> Double {
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return pids.reduce(0) { sum, pid in
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let end = text.lastIndex(of: ")") else { return sum }
            // Fields after the command name: state is field 3; utime and stime are fields 14 and 15.
            let fields = text[text.index(after: end)...].split(separator: " ")
            guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return sum }
            return sum + (user + system) / ticks
        }
    }
}
