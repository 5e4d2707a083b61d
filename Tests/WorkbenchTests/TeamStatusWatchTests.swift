@testable import Annotations
import Foundation
import Testing
import TestSupport
import WorkbenchTeam

/// `team status --watch`: a live update when another annotator commits (LISTEN/NOTIFY), a catch-up
/// after a reconnect, and a clean end at the end of input. Every wait has a deadline.
@Suite("Team status watch", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamStatusWatchTests {
    /// The updates a watch reported, waited for with a deadline.
    final class Updates: @unchecked Sendable {
        private let condition = NSCondition()
        private var seen: [TeamStatusWatch.Update] = []
        private var stopping = false
        private let finished = DispatchSemaphore(value: 0)

        /// Starts a watch as `short`'s role (reading every 100 ms) that reports here; ``finish()`` ends it.
        static func watching(_ team: TeamFixture, as short: String, beforeReconnect: @escaping @Sendable () -> Void = {}) throws -> Updates {
            let watch = TeamStatusWatch(url: try DatabaseURL(team.serverURL + "?user=\(team.name(short))"), pollMilliseconds: 100, passwordFile: team.pgpass)
            let updates = Updates()
            Thread.detachNewThread {
                do {
                    try watch.run(shouldStop: { updates.shouldStop }, beforeReconnect: beforeReconnect, show: { updates.add($0) })
                } catch {
                    updates.add(.lost("watch failed: \(error)"))
                }
                updates.finished.signal()
            }
            return updates
        }

        /// Stops the watch and waits (with a deadline) for it to end.
        func finish() {
            stop()
            _ = finished.wait(timeout: .now() + 30)
        }

        /// Whether the initial status came (waiting with a deadline).
        var startedWatching: Bool { first { if case .initial = $0 { true } else { false } } != nil }

        func add(_ update: TeamStatusWatch.Update) {
            condition.lock()
            seen.append(update)
            condition.broadcast()
            condition.unlock()
        }

        var shouldStop: Bool { condition.withLock { stopping } }
        /// Every update so far.
        var all: [TeamStatusWatch.Update] { condition.withLock { seen } }
        func stop() { condition.withLock { stopping = true } }

        /// The first update from index `from` on that `matches`, waiting at most `seconds`.
        func first(from: Int = 0, within seconds: TimeInterval = 30, _ matches: (TeamStatusWatch.Update) -> Bool) -> (index: Int, update: TeamStatusWatch.Update)? {
            let deadline = Date().addingTimeInterval(seconds)
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let index = seen.indices.first(where: { $0 >= from && matches(seen[$0]) }) { return (index, seen[index]) }
                guard condition.wait(until: deadline) else { return nil }
            }
        }
    }

    /// A gate that stays open once opened: every reconnect attempt after it passes at once. (A
    /// semaphore let one attempt through; when that one failed on a busy host, the next waited for
    /// the semaphore's deadline, as long as the test waits for the catch-up.)
    final class Gate: @unchecked Sendable {
        private let condition = NSCondition()
        private var isOpen = false

        func open() { condition.withLock { isOpen = true; condition.broadcast() } }

        /// Waits until the gate is open, at most `seconds`.
        func pass(within seconds: TimeInterval = 60) {
            let deadline = Date().addingTimeInterval(seconds)
            condition.lock()
            defer { condition.unlock() }
            while !isOpen, condition.wait(until: deadline) {}
        }
    }

    @Test func showsAnotherAnnotatorsCommitLiveAndCatchesUpAfterAReconnect() async throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator"), ("rev", "reviewer")])
        defer { team.drop() }
        let anna = team.name("anna"), bob = team.name("bob")
        let reconnectGate = Gate()
        let updates = try Updates.watching(team, as: "rev", beforeReconnect: { reconnectGate.pass() })
        defer {
            updates.stop()
            reconnectGate.open()
            updates.finish()
        }
        try #require(updates.startedWatching, "no initial status")

        // anna commits: the watch shows it without being asked.
        let annaRun = try await team.annotate(anna)
        #expect(annaRun.status == 0, "\(annaRun.stderr)")
        let live = updates.first { if case .changed(let lines, let status) = $0 { lines[anna] != nil && status.contains(anna) } else { false } }
        try #require(live != nil, "no live update after anna's commit")

        // The watch's connection is cut; bob commits while it is down (no notification can reach it).
        let owner = try team.owner()
        defer { owner.close() }
        let killer = try team.connect(as: "rev")
        defer { killer.close() }
        try killer.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'workbench team status' AND datname = current_database() AND pid <> pg_backend_pid()")
        let lost = updates.first(from: live?.index ?? 0) { if case .lost = $0 { true } else { false } }
        try #require(lost != nil, "the watch did not notice the lost connection")
        let bobRun = try await team.annotate(bob)
        #expect(bobRun.status == 0, "\(bobRun.stderr)")
        let bobEvents = try TeamProject(connection: owner).session(named: bob).events.count
        reconnectGate.open()
        // After reconnecting, the catch-up query shows bob's work.
        let caughtUp = updates.first(from: lost?.index ?? 0) { if case .caughtUp = $0 { true } else { false } }
        guard case .caughtUp(let status)? = caughtUp?.update else {
            Issue.record("no catch-up after the reconnect")
            return
        }
        #expect(bobEvents > 0)
        #expect(status.contains("\(bob): ") && status.contains("\(bobEvents) event(s)"), "\(status)")
    }

    /// A writer notifies at most once per notification interval: the lines of a quick burst after
    /// the first one are announced by no notification, and the watch's follow-up read shows them.
    @Test func showsEveryLineOfABurstThoughOnlyItsFirstLineNotified() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("rev", "reviewer")])
        defer { team.drop() }
        let anna = team.name("anna")
        let segmented = try team.corpus().segmented
        let keys = segmented.documents.flatMap { document in document.sentences.indices.map { SentenceKey(document: document.document.id, sentence: $0) } }
        try #require(keys.count >= 5)
        let updates = try Updates.watching(team, as: "rev")
        defer { updates.finish() }
        try #require(updates.startedWatching, "no initial status")

        let store = try team.openStore().store
        defer { try? store.close() }
        for (index, key) in keys.prefix(5).enumerated() {
            try store.perform(.setStatus(key, .done), time: "2026-01-01T09:00:0\(index)Z", annotator: anna, group: nil)
        }
        let all = updates.first { update in
            guard case .changed(_, let status) = update else { return false }
            return status.split(separator: "\n").contains { $0.hasPrefix("\(anna): ") && $0.hasSuffix(", 5 event(s)") }
        }
        #expect(all != nil, "the watch never showed all five lines of the burst")
    }

    /// Any role may notify the watch's channel with any payload (here bob, with a made-up session,
    /// line count and a status line of his own): the watch shows nothing for it, and what a real
    /// commit shows is counted in the tables. A writer's own notification carries nothing either, so
    /// a listener learns no session name or line count from it.
    @Test func aNotificationAnyRoleSendsIsNeitherShownNorTrusted() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator"), ("rev", "reviewer")])
        defer { team.drop() }
        let anna = team.name("anna")
        // anna's session is made before the watch starts: made while it watched, it would change the
        // status (a session with 0 events) whenever the watch happened to read the tables between
        // its making and her commit (the follow-up read after bob's notification, on a slow host),
        // an update of its own before hers.
        let (store, key) = try team.openStore()
        defer { try? store.close() }
        let updates = try Updates.watching(team, as: "rev")
        defer { updates.finish() }
        try #require(updates.startedWatching, "no initial status")
        let bob = try team.connect(as: "bob")
        defer { bob.close() }
        try bob.query("LISTEN \(TeamSchema.channel)")
        try bob.query("SELECT pg_notify($1, $2)", [TeamSchema.channel, "\(anna) 999\n\(anna): 40/40 sentences of 9 document(s)\u{1b}[2J 7"])
        try store.perform(.setStatus(key, .done), time: "2026-01-01T09:00:01Z", annotator: anna, group: nil)
        let real = updates.first { if case .changed(let lines, _) = $0 { lines[anna] != nil } else { false } }
        guard case .changed(let lines, let status)? = real?.update else {
            Issue.record("no update after anna's commit")
            return
        }
        #expect(lines == [anna: 1])
        #expect(!status.contains("40/40") && !status.contains("\u{1b}"), "\(status)")
        // Index 1: nothing was shown for bob's notification, and anna's line came in one update (the
        // counts and the status read in one snapshot; read apart, a busy host showed her line as a
        // changed status without new lines, then as "+1" with the same status).
        #expect(real?.index == 1, "an update before anna's commit: \(updates.all)")
        var heard: [String] = []
        for _ in 0..<50 where heard.count < 2 { heard += try bob.notifications(waiting: 100).map(\.payload) }
        #expect(heard.count == 2 && heard.last == "", "\(heard)")
    }

    @Test func watchEndsCleanlyAtTheEndOfInput() async throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let run = try await WorkbenchProcess.run(["team", "status", "--watch", "--team", team.url], stdin: "", environment: team.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("no assignments and no sessions yet"), "\(run.stdout)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }
}
