@testable import Annotations
import Foundation
import Testing
import TestSupport
import WorkbenchTeam

/// A fresh team database on the local test cluster (scripts/postgres): its own database, set up
/// with the seeds corpus, and members with names unique to this fixture. Passwords go to a
/// scratch `.pgpass` (PGPASSFILE for the processes the test starts). A test drops what the fixture
/// made with `defer { team.drop() }` right after creating it (on failure too), so the test cluster
/// does not collect a database and roles per run.
struct TeamFixture {
    /// The test cluster's owner URL (no password), from scripts/postgres.
    static var ownerURL: String? { ProcessInfo.processInfo.environment["WORKBENCH_TEAM_TEST_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    /// Team tests must run (CI): a missing server fails instead of skipping.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["WORKBENCH_REQUIRE_TEAM"] == "1" }
    /// Run the tests when a server is configured, or when required (they then fail clearly).
    static var shouldRun: Bool { ownerURL != nil || isRequired }
    static let skipMessage: Comment = "no PostgreSQL test server: team tests skipped (eval \"$(scripts/postgres start)\" sets WORKBENCH_TEAM_TEST_URL; WORKBENCH_REQUIRE_TEAM=1 makes this a failure)"

    /// The fixture database's URL as the owner.
    let url: String
    /// The URL without a user (each person's role comes from --annotator / user).
    let serverURL: String
    /// The scratch folder (pgpass, local sessions).
    let folder: String
    let pgpass: String
    /// Unique suffix of this fixture's member names.
    let suffix: String
    /// The fixture's database, its owner URL (on the cluster's maintenance database) and members.
    let database: String
    private let ownerURL: String
    private let members: [String]

    init(members: [(String, String)] = [], cluster: (url: String, pgpass: String)? = nil) throws {
        guard let owner = cluster?.url ?? Self.ownerURL else {
            throw TeamError.invalid("WORKBENCH_TEAM_TEST_URL is not set (WORKBENCH_REQUIRE_TEAM=1): run eval \"$(scripts/postgres start)\" first")
        }
        folder = TestScratch.path("team-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        pgpass = folder + "/pgpass"
        let ownerPasswords = (cluster?.pgpass ?? ProcessInfo.processInfo.environment["PGPASSFILE"]).flatMap { FileManager.default.contents(atPath: $0) } ?? Data()
        _ = FileManager.default.createFile(atPath: pgpass, contents: ownerPasswords, attributes: [.posixPermissions: 0o600])
        suffix = String(UUID().uuidString.prefix(8)).lowercased()
        database = "wbt_" + suffix
        ownerURL = owner
        let suffix = suffix
        self.members = members.map { $0.0 + "_" + suffix }
        let admin = try PostgresConnection(url: try DatabaseURL(owner), passwordFile: pgpass)
        try admin.query("CREATE DATABASE \(database)")
        admin.close()
        url = try DatabaseURL(owner).replacingDatabase(with: database).text
        serverURL = try DatabaseURL(url).removingUser.text
        do {
            let project = try TeamProject(connection: PostgresConnection(url: try DatabaseURL(url), passwordFile: pgpass))
            try setUp(on: project)
            for (name, role) in members {
                try project.addMember(name: self.name(name), role: role, passwordFile: pgpass)
            }
            project.connection.close()
        } catch {
            drop()
            throw error
        }
    }

    /// Drops the fixture's database (ending any connection a test left open) and its members'
    /// roles. Idempotent; errors are ignored (a stopped private cluster has nothing to keep).
    func drop() {
        guard let admin = try? PostgresConnection(url: try DatabaseURL(ownerURL), timeoutSeconds: 10, passwordFile: pgpass) else { return }
        defer { admin.close() }
        _ = try? admin.query("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        for member in members {
            _ = try? admin.query("SELECT format('DROP ROLE IF EXISTS %I', $1::text) AS sql", [member]).first("sql").map { try admin.query($0) }
        }
    }

    /// Runs `team init` with the seeds corpus through `project` (the owner's; a connection of its
    /// own when nil): the first time, or again on the tables it made.
    func setUp(on project: TeamProject? = nil) throws {
        let corpus = try CorpusLoader().load(paths: [WorkbenchProcess.packageRoot.appendingPathComponent("seeds").path])
        let owner = try project ?? TeamProject(connection: owner())
        defer { if project == nil { owner.connection.close() } }
        try owner.initialise(corpus: SegmentedCorpus(corpus), schema: .standard)
    }

    /// The member name for `short` in this fixture (role names are cluster-wide).
    func name(_ short: String) -> String { short + "_" + suffix }

    /// The environment for a workbench process: this fixture's passwords.
    var environment: [String: String] { ["PGPASSFILE": pgpass, "WORKBENCH_FAKE_CLOCK": "2026-01-01T09:00:00Z"] }

    /// A connection as `short`'s role.
    func connect(as short: String) throws -> PostgresConnection {
        try PostgresConnection(url: try DatabaseURL(serverURL), user: name(short), passwordFile: pgpass)
    }

    /// A connection as the fixture database's owner (`team init`'s role).
    func owner() throws -> PostgresConnection {
        try PostgresConnection(url: try DatabaseURL(url), passwordFile: pgpass)
    }

    /// Runs `statements` one after another as the owner, on a connection of their own.
    func asOwner(_ statements: String...) throws {
        let owner = try owner()
        defer { owner.close() }
        for statement in statements { try owner.query(statement) }
    }

    /// `workbench annotate --team` as `member` (a member's full name) in a process of its own, fed
    /// `stdin` (by default: accept the first proposal, mark the sentence done, quit).
    func annotate(_ member: String, stdin: String = "accept\ndone\nquit\n") async throws -> WorkbenchProcess.Result {
        try await WorkbenchProcess.run(["annotate", "--team", serverURL, "--annotator", member], stdin: stdin, environment: environment)
    }

    /// The corpus (segmented) and annotation schema, as `short` reads them from the database.
    func corpus(as short: String = "anna") throws -> (segmented: SegmentedCorpus, schema: AnnotationSchema) {
        let connection = try connect(as: short)
        defer { connection.close() }
        let (corpus, schema) = try TeamProject(connection: connection).corpus()
        return (SegmentedCorpus(corpus), schema)
    }

    /// Opens `short`'s team session (made if missing), marks its first sentence done (one stored
    /// line, the member's own work) and closes it again: the common start of a test that needs a
    /// member's session with something in it. Returns the member's full name.
    @discardableResult
    func markFirstSentenceDone(as short: String = "anna") throws -> String {
        let (store, key) = try openStore(as: short)
        defer { try? store.close() }
        try store.perform(.setStatus(key, .done), time: "2026-01-01T09:00:01Z", annotator: name(short), group: nil)
        return name(short)
    }

    /// Puts the tables back to layout 2, as a workbench before layout 3 left them: `entry` sent by
    /// the writer (a plain column again, filled from the stored lines), no check of whose work a line
    /// is (`events_own_work`), no list of the lines stored without it (`workbench.unowned_lines`). The
    /// owner may then store what a member could store then, and `team init` brings them up to date.
    func downgradeToLayoutTwo() throws {
        try asOwner(
            "DROP POLICY events_own_work ON workbench.events",
            "ALTER TABLE workbench.events DROP COLUMN entry",
            "ALTER TABLE workbench.events ADD COLUMN entry jsonb",
            "UPDATE workbench.events SET entry = line::jsonb",
            "UPDATE workbench.project SET layout = 2",
            "DROP TABLE IF EXISTS workbench.unowned_lines")
    }

    /// The first team mode's per-line notification trigger, as the `team init` of a workbench of
    /// layout 1 creates it (again) on tables of any layout.
    func putBackTheOlderNotificationTrigger() throws {
        try asOwner(
            """
            CREATE OR REPLACE FUNCTION workbench.notify_event() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM pg_notify('workbench_events', NEW.session || ' ' || NEW.sequence);
              RETURN NULL;
            END $$
            """,
            "DROP TRIGGER IF EXISTS events_notify ON workbench.events",
            "CREATE TRIGGER events_notify AFTER INSERT ON workbench.events FOR EACH ROW EXECUTE FUNCTION workbench.notify_event()")
    }

    /// Opens `short`'s team session (a new one is made from the corpus), as `annotate --team` does,
    /// and the first sentence's key.
    func openStore(as short: String = "anna", timeoutSeconds: Int = 10) throws -> (store: TeamSessionStore, key: SentenceKey) {
        let (segmented, schema) = try corpus(as: short)
        let store = try TeamSessionStore(url: try DatabaseURL(serverURL), user: name(short), timeoutSeconds: timeoutSeconds, passwordFileForTests: pgpass) {
            _, name throws(TeamError) -> Session in
            Session(annotator: name, corpus: CorpusReference(segmented), schema: schema, created: "2026-01-01T09:00:00Z")
        }
        return (store, SentenceKey(document: segmented.documents[0].document.id, sentence: 0))
    }
}

/// A private PostgreSQL cluster (scripts/postgres in a scratch folder, on its own port) for tests
/// that restart the server; stopped by ``stop()``.
struct PrivateCluster {
    let folder: String
    let port: Int
    let url: String
    let pgpass: String

    init() throws {
        // A port below Linux's ephemeral range (32768–60999): a port in it can be held at that moment
        // by the client end of any connection (the team tests open many), and the server then cannot
        // bind it. A start that fails anyway is tried again on another port, in a new folder.
        var attempt = 0
        var result: (status: Int32, stdout: String, stderr: String)
        var folder: String, port: Int
        repeat {
            attempt += 1
            folder = TestScratch.path("pg-")
            port = 21000 + Int.random(in: 0..<8000)
            result = try Self.script(["start"], folder: folder, port: port)
        } while result.status != 0 && attempt < 3
        self.folder = folder
        self.port = port
        guard result.status == 0 else { throw TeamError.invalid("scripts/postgres start failed: \(result.stderr)") }
        func value(_ name: String) -> String? {
            result.stdout.split(separator: "\n").first { $0.hasPrefix("export \(name)=") }
                .map { String($0.dropFirst("export \(name)=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
        }
        guard let url = value("WORKBENCH_TEAM_TEST_URL"), let pgpass = value("PGPASSFILE") else {
            throw TeamError.invalid("scripts/postgres start printed no URL: \(result.stdout)")
        }
        self.url = url
        self.pgpass = pgpass
    }

    func restart() throws {
        let result = try Self.script(["restart"], folder: folder, port: port)
        guard result.status == 0 else { throw TeamError.invalid("scripts/postgres restart failed: \(result.stderr)") }
    }

    func stop() {
        _ = try? Self.script(["stop"], folder: folder, port: port)
    }

    /// Runs scripts/postgres through the shell (waiting with `system`, output through files).
    private static func script(_ arguments: [String], folder: String, port: Int) throws -> (status: Int32, stdout: String, stderr: String) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let out = folder + ".out", err = folder + ".err"
        let script = WorkbenchProcess.packageRoot.appendingPathComponent("scripts/postgres").path
        let command = "WORKBENCH_POSTGRES_DIR='\(folder)' WORKBENCH_POSTGRES_PORT=\(port) '\(script)' \(arguments.joined(separator: " ")) >'\(out)' 2>'\(err)' </dev/null"
        let status = system(command)
        let stdout = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        return (status, stdout, stderr)
    }
}
