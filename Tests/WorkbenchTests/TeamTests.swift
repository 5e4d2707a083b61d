@testable import Annotations
import Foundation
import Testing
import TestSupport
@testable import WorkbenchTeam

@Suite("Team connection text")
struct TeamURLTests {
    @Test func redactsPasswordsInEveryForm() throws {
        #expect(try DatabaseURL("postgresql://anna:s3cret@db.example:5432/project").redacted == "postgresql://anna@db.example:5432/project")
        #expect(try DatabaseURL("postgres://anna:p%40ss@host/db?sslmode=require").redacted == "postgres://anna@host/db?sslmode=require")
        #expect(try !DatabaseURL("host=db user=anna password=s3cret dbname=p").redacted.contains("s3cret"))
        #expect(try !DatabaseURL("postgresql://host/db?user=anna&password=s3cret").redacted.contains("s3cret"))
        #expect(try DatabaseURL("postgresql://anna@host/db").redacted == "postgresql://anna@host/db")
    }

    /// A server on this host through its Unix-domain socket, in both forms psql takes: the socket's
    /// folder in the query, or percent-encoded as the URL's host.
    @Test func socketURLsInBothFormsAreRecognisedAndRewritten() throws {
        let query = try DatabaseURL("postgresql:///project?host=/var/run/postgresql&port=5433")
        let encoded = try DatabaseURL("postgresql://anna@%2Fvar%2Frun%2Fpostgresql:5433/project")
        #expect(query.isSocket)
        #expect(encoded.isSocket)
        #expect(try DatabaseURL("host=/srv/pg dbname=project").isSocket)
        #expect(try !DatabaseURL("postgresql://anna@db.example/project").isSocket)
        #expect(try !DatabaseURL("postgresql://anna@/project?host=db.example").isSocket)
        #expect(query.replacingDatabase(with: "wbt_x").text == "postgresql:///wbt_x?host=/var/run/postgresql&port=5433")
        #expect(encoded.replacingDatabase(with: "wbt_x").text == "postgresql://anna@%2Fvar%2Frun%2Fpostgresql:5433/wbt_x")
        #expect(encoded.removingUser.text == "postgresql://%2Fvar%2Frun%2Fpostgresql:5433/project")
        #expect(try DatabaseURL("postgresql://anna@/p?host=/run/pg&user=anna").removingUser.text == "postgresql:///p?host=/run/pg")
        #expect(try DatabaseURL("postgresql://anna@/p?user=anna").removingUser.text == "postgresql:///p")
        #expect(try DatabaseURL("postgresql://anna@127.0.0.1:5432/p").replacingDatabase(with: "q").removingUser.text == "postgresql://127.0.0.1:5432/q")
        // key=value words are written back in libpq's order (dbname before host): compared as libpq reads them.
        let words = try DatabaseURL(try DatabaseURL("host=/srv/pg user=anna dbname=p").replacingDatabase(with: "q").removingUser.text)
        #expect(words.database == "q" && words.host == "/srv/pg" && words.user == nil && words.isSocket)
        // No password shows, in either socket form.
        #expect(try DatabaseURL("postgresql://anna:s3cret@%2Fvar%2Frun%2Fpostgresql/project").redacted == "postgresql://anna@%2Fvar%2Frun%2Fpostgresql/project")
        #expect(try !DatabaseURL("postgresql:///project?host=/var/run/postgresql&password=s3cret").redacted.contains("s3cret"))
    }

    @Test func unreachableServerNamesTheURLWithoutPassword() {
        // Port 1 on the loopback address: nothing listens there.
        #expect {
            _ = try PostgresConnection(url: try DatabaseURL("postgresql://anna:s3cret@127.0.0.1:1/db"), timeoutSeconds: 2)
        } throws: { error in
            let text = "\(error)"
            return text.contains("postgresql://anna@127.0.0.1:1/db") && !text.contains("s3cret")
        }
    }

    /// A password stored for a socket connection is found by libpq under the folder and, for its
    /// default folder, under `localhost`; storing again replaces both lines and keeps the others.
    @Test func passwordsForASocketAreStoredUnderTheFolderAndLocalhost() throws {
        let path = TestScratch.path("pgpass-")
        defer { unlink(path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data("db.example:5432:*:bob:b0b\n".utf8))
        let file = PasswordFile(path: path)
        try file.store(host: "/var/run/postgresql", port: "5432", user: "anna", password: "first")
        try file.store(host: "/var/run/postgresql", port: "5432", user: "anna", password: "second")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == ["db.example:5432:*:bob:b0b", "/var/run/postgresql:5432:*:anna:second", "localhost:5432:*:anna:second"])
        try file.store(host: "db.example", port: "5432", user: "anna", password: "tcp")
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 4)
    }

    /// A socket folder where no server listens: the same clear message, naming the URL (no password).
    @Test func aSocketFolderWithoutServerNamesTheURLWithoutPassword() {
        let folder = TestScratch.path("no-server-")
        #expect {
            _ = try PostgresConnection(url: try DatabaseURL("postgresql://anna:s3cret@/db?host=\(folder)&port=1"), timeoutSeconds: 2)
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot connect") && text.contains("postgresql://anna@/db?host=\(folder)") && !text.contains("s3cret")
        }
    }

    @Test func badMemberNamesAreRefused() {
        for name in ["", "pg_admin", "workbench_owner", "anna bob", "ännа", "a;drop"] {
            #expect(throws: TeamError.self) { try TeamProject.checkName(name) }
        }
    }
}

@Suite("Team mode on PostgreSQL", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamTests {
    @Test func annotatorCannotAppendToAnotherSessionEvenWithHandWrittenSQL() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator"), ("rita", "reviewer")])
        defer { team.drop() }
        // bob's session exists with one line.
        let bob = try team.connect(as: "bob")
        try bob.query("INSERT INTO workbench.sessions (name, header, header_line) VALUES ($1, '{}', json_build_object('annotator', $1::text)::text)", [team.name("bob")])
        try bob.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 1, '{}')", [team.name("bob")])
        let anna = try team.connect(as: "anna")
        #expect(throws: TeamError.self) {
            try anna.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 2, '{}')", [team.name("bob")])
        }
        #expect(throws: TeamError.self) {
            try anna.query("INSERT INTO workbench.sessions (name, header, header_line) VALUES ('somebody', '{}', '{}')")
        }
        #expect(throws: TeamError.self) { try anna.query("UPDATE workbench.events SET line = 'x'") }
        #expect(throws: TeamError.self) { try anna.query("DELETE FROM workbench.events") }
        #expect(throws: TeamError.self) {
            try anna.query("INSERT INTO workbench.sessions (name, kind, header, header_line) VALUES ($1, 'adjudication', '{}', '{}')", [team.name("anna")])
        }
        // anna does not even see bob's lines; a reviewer sees them but cannot write.
        #expect(try anna.query("SELECT count(*) AS n FROM workbench.events").first("n") == "0")
        let rita = try team.connect(as: "rita")
        #expect(try rita.query("SELECT count(*) AS n FROM workbench.events").first("n") == "1")
        #expect(throws: TeamError.self) {
            try rita.query("INSERT INTO workbench.sessions (name, header, header_line) VALUES ($1, '{}', '{}')", [team.name("rita")])
        }
    }

    /// The append policy checks the writer only (no key or lookup of the session's row per insert):
    /// lines a member stores by hand before their session exists are found when the session is
    /// opened or pushed, which refuse to create the session over them, naming the way out.
    @Test func linesStoredWithoutASessionAreRefusedWhenTheSessionIsCreated() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let connection = try team.connect(as: "anna")
        try connection.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 1, '{}')", [anna])
        // Still only one's own: the same by hand into bob's name is refused.
        #expect(throws: TeamError.self) {
            try connection.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 1, '{}')", [team.name("bob")])
        }
        #expect {
            _ = try team.openStore()
        } throws: { error in
            "\(error)".contains("1 line(s) of session '\(anna)' but no session") && "\(error)".contains("nothing was created")
        }
        #expect(try connection.query("SELECT count(*) AS n FROM workbench.sessions").first("n") == "0")
        // Once the owner has removed them, the session is created as usual.
        let owner = try team.owner()
        try owner.query("DELETE FROM workbench.events WHERE session = $1", [anna])
        owner.close()
        try team.openStore().store.close()
        #expect(try connection.query("SELECT count(*) AS n FROM workbench.sessions").first("n") == "1")
    }

    /// A server on the same host through its Unix-domain socket (scripts/postgres prints
    /// WORKBENCH_TEAM_SOCKET_URL): members are added over it, their passwords stored for the
    /// socket's folder, and a session commits its edits through it.
    @Test func aSessionWorksThroughTheUnixSocket() throws {
        guard let socketURL = ProcessInfo.processInfo.environment["WORKBENCH_TEAM_SOCKET_URL"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            #expect(!TeamFixture.isRequired, "WORKBENCH_TEAM_SOCKET_URL is not set: eval \"$(scripts/postgres start)\" sets it")
            return
        }
        #expect(try DatabaseURL(socketURL).isSocket)
        let team = try TeamFixture(members: [("anna", "annotator")], cluster: (socketURL, ProcessInfo.processInfo.environment["PGPASSFILE"] ?? ""))
        defer { team.drop() }
        let anna = team.name("anna")
        let connection = try team.connect(as: "anna")
        #expect(try connection.query("SELECT (inet_server_addr() IS NULL)::text AS local").first("local") == "true")
        let (store, key) = try team.openStore()
        try store.perform(.setStatus(key, .done), time: "2026-01-01T09:00:01Z", annotator: anna, group: nil)
        try store.close()
        #expect(try TeamProject(connection: team.connect(as: "anna")).session(named: anna).state.status(of: key) == .done)
    }

    /// A fixture leaves nothing behind on the test cluster: its database (even with a connection
    /// still open on it) and its members' roles are gone after `drop()`.
    @Test func fixtureDropsItsDatabaseAndRoles() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("rita", "reviewer")])
        let anna = try team.connect(as: "anna")
        #expect(try anna.query("SELECT current_database() AS d").first("d") == team.database)
        team.drop()
        let owner = try #require(TeamFixture.ownerURL)
        let admin = try PostgresConnection(url: try DatabaseURL(owner), passwordFile: team.pgpass)
        defer { admin.close() }
        #expect(try admin.query("SELECT count(*)::text AS n FROM pg_database WHERE datname = $1", [team.database]).first("n") == "0")
        #expect(try admin.query("SELECT count(*)::text AS n FROM pg_roles WHERE rolname = ANY($1::text[])",
            ["{\(team.name("anna")),\(team.name("rita"))}"]).first("n") == "0")
        team.drop()
    }

    /// Group roles belong to the whole server: projects set up at the same moment (as the team
    /// tests are, in parallel, on a fresh server) both find a role missing and both create it.
    @Test("Setting up roles from several connections at the same moment does not fail")
    func roleCreationRacesAreHarmless() throws {
        let team = try TeamFixture()
        defer { team.drop() }
        for round in 0..<8 {
            let role = "wbt_race_\(team.suffix)_\(round)"
            // Each connection is used by exactly one of the concurrent iterations.
            nonisolated(unsafe) let connections = try (0..<4).map { _ in try team.owner() }
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: connections.count) { index in
                do { try connections[index].query(TeamSchema.createRoleSQL([role])) } catch { failures.add("\(error)") }
            }
            connections.forEach { $0.close() }
            #expect(failures.all.isEmpty, "round \(round): \(failures.all)")
            let admin = try team.owner()
            #expect(try admin.query("SELECT count(*) AS n FROM pg_roles WHERE rolname = $1", [role]).first("n") == "1")
            try admin.query("DROP ROLE \(role)")
            admin.close()
        }
    }

    @Test func pipedTeamAnnotateCommitsEveryEditAndASecondREPLIsRefused() async throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let run = try await team.annotate(anna)
        #expect(run.status == 0, "\(run.stderr)")
        let connection = try team.connect(as: "anna")
        let lines = try connection.query("SELECT line, entry::text AS entry FROM workbench.events WHERE session = $1 ORDER BY sequence", [anna])
        #expect(lines.rows.count >= 2)
        #expect(lines.values("line").allSatisfy { $0?.hasSuffix("\n") == true })
        // The same session read back from the database replays to the annotations made.
        let session = try TeamProject(connection: connection).session(named: anna)
        #expect(!session.state.claims.isEmpty)
        #expect(session.state.statuses.values.contains(.done))
        // While one store holds the session, a second REPL is refused, naming the holder.
        let holder = try TeamSessionStore(url: try DatabaseURL(team.serverURL), user: anna, passwordFileForTests: team.pgpass) { _, _ throws(TeamError) -> Session in
            Issue.record("the session exists")
            throw .invalid("unexpected")
        }
        let second = try await team.annotate(anna, stdin: "quit\n")
        #expect(second.status != 0)
        #expect(second.stderr.contains("open in another workbench"), "\(second.stderr)")
        #expect(second.stderr.contains("workbench \(anna)"), "\(second.stderr)")
        try holder.close()
    }

    @Test func aLostConnectionReportsTheEditAsNotSavedAndTheNextEditReconnects() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let (store, key) = try team.openStore()
        try store.perform(.setStatus(key, .done), time: "2026-01-01T09:00:01Z", annotator: anna, group: nil)
        // The server ends the store's connection (as a restart would).
        let killer = try team.connect(as: "anna")
        try killer.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE $1 AND pid <> pg_backend_pid()", ["workbench \(anna)%"])
        let second = SentenceKey(document: key.document, sentence: 1)
        #expect {
            try store.perform(.setStatus(second, .done), time: "2026-01-01T09:00:02Z", annotator: anna, group: nil)
        } throws: { error in "\(error)".contains("NOT saved") }
        // Nothing unacknowledged stays in memory, and the next edit reconnects and commits.
        #expect(store.session.state.status(of: second) == .open)
        try store.perform(.setStatus(second, .done), time: "2026-01-01T09:00:03Z", annotator: anna, group: nil)
        let stored = try TeamProject(connection: killer).session(named: anna)
        #expect(stored.events.count == 2)
        #expect(stored.state.status(of: second) == .done)
        try store.close()
    }

    @Test func pullWritesALocalSessionAndAConflictingPushIsRefused() async throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let run = try await team.annotate(anna)
        #expect(run.status == 0, "\(run.stderr)")
        let out = team.folder + "/anna"
        let pull = try await WorkbenchProcess.run(["team", "pull", team.url, "--annotator", anna, "--out", out], environment: team.environment)
        #expect(pull.status == 0, "\(pull.stderr)")
        let local = try SessionStore.load(path: out + ".json")
        #expect(!local.state.claims.isEmpty)
        // Pushing the same log again adds nothing; a log that differs from the stored lines is refused.
        let same = try await WorkbenchProcess.run(["team", "push", out, "--team", team.serverURL + "?user=\(anna)"], environment: team.environment)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("0 new line(s)"))
        let logPath = out + ".jsonl"
        var lines = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.removeLast()
        try (lines.joined(separator: "\n") + "\n").write(toFile: logPath, atomically: true, encoding: .utf8)
        let conflicting = try await WorkbenchProcess.run(["team", "push", out, "--team", team.serverURL + "?user=\(anna)"], environment: team.environment)
        #expect(conflicting.status != 0)
        #expect(conflicting.stderr.contains("push refused"), "\(conflicting.stderr)")
    }
}

@Suite("Team mode faults", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamFaultTests {
    /// The server restarts while edits stream in: every acknowledged edit is in the database, every
    /// failed one was reported as not saved, and editing goes on after the restart.
    @Test func serverRestartedMidSessionLosesNoAcknowledgedEdit() throws {
        let cluster = try PrivateCluster()
        defer { cluster.stop() }
        let team = try TeamFixture(members: [("anna", "annotator")], cluster: (cluster.url, cluster.pgpass))
        defer { team.drop() }
        let anna = team.name("anna")
        let segmented = try team.corpus().segmented
        let store = try team.openStore(timeoutSeconds: 5).store
        let keys = segmented.documents.flatMap { document in document.sentences.indices.map { SentenceKey(document: document.document.id, sentence: $0) } }
        let restarted = DispatchSemaphore(value: 0)
        let restarter = Thread {
            try? cluster.restart()
            restarted.signal()
        }
        var acknowledged: [SentenceKey] = [], failed = 0
        for (index, key) in keys.enumerated() {
            if index == 10 { restarter.start() }
            do {
                try store.perform(.setStatus(key, .done), time: "2026-01-01T09:00:01Z", annotator: anna, group: nil)
                acknowledged.append(key)
            } catch {
                #expect("\(error)".contains("NOT saved"), "\(error)")
                failed += 1
            }
            usleep(20_000)
        }
        // On a busy host the restart may outlast the edits: the checks below need the server back.
        #expect(restarted.wait(timeout: .now() + 120) == .success, "the server did not come back")
        // Editing goes on after the restart (the first try may still meet the old connection).
        var after = false
        for _ in 0..<3 where !after {
            after = (try? store.perform(.setStatus(keys[0], .skipped), time: "2026-01-01T09:00:02Z", annotator: anna, group: nil)) != nil
        }
        #expect(after, "editing did not go on after the restart")
        try store.close()
        let stored = try TeamProject(connection: team.connect(as: "anna")).session(named: anna)
        for key in acknowledged.dropFirst() { #expect(stored.state.status(of: key) == .done, "acknowledged \(key) missing") }
        #expect(stored.state.status(of: keys[0]) == .skipped)
        // Nothing is there twice: one event per stored sequence.
        #expect(stored.events.count == Set(stored.events.map(\.seq)).count)
    }

    /// A server that stops answering (the backend frozen) gives a clear timeout, not a frozen REPL.
    @Test func aHungServerTimesOutWithAClearMessage() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let (store, key) = try team.openStore(timeoutSeconds: 2)
        let watcher = try team.connect(as: "anna")
        let pids = try watcher.query("SELECT pid::text AS pid FROM pg_stat_activity WHERE application_name LIKE $1", ["workbench \(anna)%"]).values("pid").compactMap { $0.flatMap { Int32($0) } }
        #expect(pids.count == 1)
        for pid in pids { kill(pid, SIGSTOP) }
        defer { for pid in pids { kill(pid, SIGCONT) } }
        #expect {
            try store.perform(.setStatus(key, .done), time: "2026-01-01T09:00:01Z", annotator: anna, group: nil)
        } throws: { error in "\(error)".contains("did not answer within 2 s") && "\(error)".contains("NOT saved") }
        #expect(store.session.state.status(of: key) == .open)
    }
}

/// Errors collected from concurrent work.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
