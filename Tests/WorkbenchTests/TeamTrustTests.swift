@testable import Annotations
import Foundation
import Testing
import TestSupport
@testable import WorkbenchTeam

/// What a real team meets: settings of the server that would lose an acknowledged edit, a member
/// with psql and a schema of their own, a second process of the same annotator, wrong passwords,
/// a database that is not a team's, a lock held by another transaction.
@Suite("Team mode trust", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamTrustTests {
    /// A database (or role, or server) with `synchronous_commit = off` acknowledges a commit before
    /// its WAL is on disk: the store turns it back on for its connection, so an edit reported as
    /// saved survives the server going away right after.
    @Test func synchronousCommitOffOnTheDatabaseIsTurnedOnForTheStore() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        try team.asOwner("ALTER DATABASE \(team.database) SET synchronous_commit = off")
        let probe = try team.connect(as: "anna")
        #expect(try probe.query("SELECT current_setting('synchronous_commit') AS s").first("s") == "off")
        probe.close()
        let (store, key) = try team.openStore()
        #expect(try store.connectionSetting("synchronous_commit") == "on")
        try store.perform(.setStatus(key, .done), time: "2026-01-01T09:00:01Z", annotator: team.name("anna"), group: nil)
        #expect(try store.connectionSetting("synchronous_commit") == "on")
        try store.close()
    }

    /// `team push` while a REPL of the same session is open (the same annotator in two processes)
    /// is refused at once, naming the REPL, instead of waiting for its lock until the time runs out.
    @Test func aPushWhileTheSessionIsOpenElsewhereIsRefusedAtOnceNamingTheHolder() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let (store, key) = try team.openStore()
        defer { try? store.close() }
        try store.perform(.setStatus(key, .done), time: "2026-01-01T09:00:01Z", annotator: anna, group: nil)
        let owner = TeamProject(connection: try team.owner())
        let local = team.folder + "/anna"
        _ = try TeamTransfer(project: owner).pull(anna, to: local)
        owner.connection.close()
        let project = TeamProject(connection: try team.connect(as: "anna"))
        defer { project.connection.close() }
        let started = Date()
        #expect {
            _ = try TeamTransfer(project: project).push(local)
        } throws: { error in
            "\(error)".contains("push refused: the team session '\(anna)' is open in another workbench: workbench \(anna)")
                && "\(error)".contains("nothing was uploaded")
        }
        #expect(Date().timeIntervalSince(started) < 5)
        // Closed there, the same push goes through (nothing new to add) once the server has ended
        // the REPL's connection (it does so after the close returns).
        try store.close()
        var added = -1
        var attempts = 0
        while added < 0 && attempts < 100 {
            attempts += 1
            do {
                added = try TeamTransfer(project: project).push(local)
            } catch {
                let text: String = "\(error)"
                guard text.contains("open in another workbench") else { throw error }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        #expect(added == 0)
    }

    /// Every reader (agree, adjudicate, diff) names a session's annotator after its header: anna may
    /// not create her session with a header naming bob, neither by hand nor by pushing bob's log, so
    /// her work is never shown as bob's.
    @Test func aSessionWhoseHeaderNamesAnotherMemberCannotBeCreated() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna"), bob = team.name("bob")
        let connection = try team.connect(as: "anna")
        defer { connection.close() }
        #expect(throws: TeamError.self) {
            try connection.query(
                "INSERT INTO workbench.sessions (name, header, header_line) VALUES ($1, '{}', json_build_object('annotator', $2::text)::text)", [anna, bob])
        }
        // bob's log, as pulled by anyone who may read it, pushed by anna as her session.
        try team.markFirstSentenceDone(as: "bob")
        let owner = TeamProject(connection: try team.owner())
        let local = team.folder + "/bob"
        _ = try TeamTransfer(project: owner).pull(bob, to: local)
        owner.connection.close()
        #expect {
            _ = try TeamTransfer(project: TeamProject(connection: connection)).push(local)
        } throws: { error in
            "\(error)".contains("push refused: \(local).jsonl is the session of annotator '\(bob)', but you connect as '\(anna)'")
                && "\(error)".contains("nothing was uploaded")
        }
        #expect(try connection.query("SELECT count(*) AS n FROM workbench.sessions").first("n") == "0")
        #expect(try connection.query("SELECT count(*) AS n FROM workbench.events").first("n") == "0")
    }

    /// `team add-annotator` with the name of a role that exists but is not this team's member (here
    /// another project's annotator on the same server) is refused: the role keeps its password (its
    /// person still logs in to their project) and gets no rights here. A member of this team is
    /// still given a new password as before.
    @Test func addingARoleThatIsNotThisTeamsMemberIsRefusedAndLeavesItAlone() throws {
        let first = try TeamFixture(members: [("anna", "annotator")])
        defer { first.drop() }
        let second = try TeamFixture(members: [("bob", "annotator")])
        defer { second.drop() }
        let project = TeamProject(connection: try PostgresConnection(url: try DatabaseURL(second.url), passwordFile: second.pgpass))
        defer { project.connection.close() }
        let anna = first.name("anna")
        #expect {
            try project.addMember(name: anna, role: "adjudicator", passwordFile: second.pgpass)
        } throws: { error in
            "\(error)".contains("name '\(anna)' refused: a database role of that name already exists") && "\(error)".contains("left as it is")
        }
        // anna still logs in to her project with her password, and got no rights in the second one.
        let annaHere = try first.connect(as: "anna")
        #expect(try annaHere.query("SELECT pg_has_role(current_user, 'workbench_adjudicator', 'MEMBER')::text AS a").first("a") == "false")
        annaHere.close()
        #expect(try project.connection.query("SELECT count(*) AS n FROM workbench.members WHERE name = $1", [anna]).first("n") == "0")
        // bob, a member here, is given a new password.
        #expect(try project.addMember(name: second.name("bob"), role: "annotator", passwordFile: second.pgpass))
        try second.connect(as: "bob").close()
    }

    /// A member may `SET ROLE` to the group role they belong to: a session named after the group
    /// would be one that every member of the group could append to. Writing is refused unless as
    /// the login role.
    @Test func aMemberCannotWriteAsTheirGroupRole() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = try team.connect(as: "anna")
        defer { anna.close() }
        try anna.query("SET ROLE workbench_annotator")
        #expect(throws: TeamError.self) {
            try anna.query(
                "INSERT INTO workbench.sessions (name, header, header_line) VALUES ('workbench_annotator', '{}', '{\"annotator\":\"workbench_annotator\"}')")
        }
        #expect(throws: TeamError.self) {
            try anna.query("INSERT INTO workbench.events (session, sequence, line) VALUES ('workbench_annotator', 1, '{}')")
        }
        try anna.query("RESET ROLE")
        let owner = try team.owner()
        defer { owner.close() }
        #expect(try owner.query("SELECT (SELECT count(*) FROM workbench.sessions) + (SELECT count(*) FROM workbench.events) AS n").first("n") == "0")
    }

    /// bob stores a line by hand in his own session that is no log line: `team status` (and the
    /// live watch, which reads the same) still shows everyone's progress and names bob's session
    /// as unreadable, instead of failing for the whole team.
    @Test func oneUnreadableSessionDoesNotHideTheTeamsStatus() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator")])
        defer { team.drop() }
        try team.markFirstSentenceDone()
        let bob = team.name("bob")
        try team.openStore(as: "bob").store.close()
        let bobs = try team.connect(as: "bob")
        try bobs.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 1, '{\"not a log line\": true}' || chr(10))", [bob])
        bobs.close()
        let owner = TeamProject(connection: try team.owner())
        defer { owner.connection.close() }
        let status = try TeamStatus(project: owner).render()
        #expect(status.contains("\(team.name("anna")): 0/0 sentences of 0 document(s), 1 event(s)"), "\(status)")
        #expect(status.contains("\(bob): session unreadable ("), "\(status)")
    }

    /// An edit whose commit reached the database but whose answer was lost with the connection is
    /// reported as not saved and taken back in memory. The next edit reconnects and finds that line:
    /// the session is read again, and that edit (made against the state without it) is refused and
    /// named, instead of being stored on top of it. Stored on top, a target made then took the same
    /// id as the one already stored, and the log could no longer be read.
    @Test func anEditStoredWhoseAnswerWasLostIsFoundAndTheNextEditIsMadeAgainstIt() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let (store, key) = try team.openStore()
        defer { try? store.close() }
        try store.perform(.setStatus(key, .done), time: "2026-01-01T09:00:01Z", annotator: anna, group: nil)
        // What the store commits next (target T1), stored; then the connection breaks before the
        // answer reaches the store, which reports the edit as not saved.
        let connection = try team.connect(as: "anna")
        defer { connection.close() }
        var copy = try TeamProject(connection: connection).session(named: anna)
        let lost = try copy.perform(.add(.target(Target(id: copy.state.nextID("T"), text: "erste These", annotator: anna))), time: "2026-01-01T09:00:02Z", annotator: anna)
        let line = String(decoding: try SessionFileWriter.line(.event(lost)), as: UTF8.self)
        try connection.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 2, $2::text)", [anna, line])
        try connection.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE $1 AND pid <> pg_backend_pid()", ["workbench \(anna)%"])
        #expect {
            try store.perform(.add(.target(Target(id: store.session.state.nextID("T"), text: "erste These", annotator: anna))), time: "2026-01-01T09:00:02Z", annotator: anna, group: nil)
        } throws: { error in
            "\(error)".contains("NOT saved: lost the connection")
        }
        #expect(store.session.state.targets.isEmpty)
        // The annotator, told the target was not saved, makes it again.
        #expect {
            try store.perform(.add(.target(Target(id: store.session.state.nextID("T"), text: "erste These", annotator: anna))), time: "2026-01-01T09:00:03Z", annotator: anna, group: nil)
        } throws: { error in
            "\(error)".contains("NOT saved: the database held 2 line(s) where 1 were expected; the session was read again from it")
        }
        #expect(store.session.state.targets.keys.sorted() == ["T1"])
        try store.perform(.add(.target(Target(id: store.session.state.nextID("T"), text: "zweite These", annotator: anna))), time: "2026-01-01T09:00:04Z", annotator: anna, group: nil)
        let stored = try TeamProject(connection: connection).session(named: anna)
        #expect(stored.state.targets.keys.sorted() == ["T1", "T2"])
        #expect(stored.events.count == 3)
    }

    /// Any role may take any advisory lock, so the session lock is no advisory lock any more: the
    /// holder is on the session's row, which only the session's own role may update or lock. anna
    /// takes the old advisory lock of bob's session (it kept him out), tries to write herself into his
    /// row and to lock the table; ada (an adjudicator, who may read bob's row) tries to lock the row in a transaction
    /// she keeps open. bob opens his session all the same.
    @Test func anotherMemberCannotKeepASessionOutByHand() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator"), ("ada", "adjudicator")])
        defer { team.drop() }
        let bob = team.name("bob")
        let (first, key) = try team.openStore(as: "bob")
        try first.perform(.setStatus(key, .done), time: "2026-01-01T09:00:01Z", annotator: bob, group: nil)
        try first.close()
        let anna = try team.connect(as: "anna")
        defer { anna.close() }
        try anna.query("SELECT pg_advisory_lock(hashtext($1))", ["workbench session " + bob])
        try team.openStore(as: "bob").store.close()
        #expect(try anna.query("UPDATE workbench.sessions SET holder = pg_backend_pid() WHERE name = $1", [bob]).affected == 0)
        try anna.query("BEGIN")
        #expect(throws: TeamError.self) { try anna.query("LOCK TABLE workbench.sessions IN SHARE MODE") }
        try anna.query("ROLLBACK")
        let ada = try team.connect(as: "ada")
        defer { ada.close() }
        #expect(try ada.query("SELECT count(*) AS n FROM workbench.sessions WHERE name = $1", [bob]).first("n") == "1")
        try ada.query("BEGIN")
        #expect(try ada.query("SELECT name FROM workbench.sessions WHERE name = $1 FOR UPDATE", [bob]).rows.isEmpty)
        #expect(try ada.query("UPDATE workbench.sessions SET holder = pg_backend_pid() WHERE name = $1", [bob]).affected == 0)
        let (store, _) = try team.openStore(as: "bob", timeoutSeconds: 3)
        #expect(store.session.events.count == 1)
        try store.close()
        try ada.query("ROLLBACK")
    }

    /// A holder whose connection is gone (a workbench killed, its server connection ended) keeps
    /// nobody out: its row still names it, but no such backend is alive. Here the row names a
    /// backend that cannot exist; and a REPL whose connection the server ended is followed by a new
    /// one as soon as the server has let go of it.
    @Test func aHolderWhoseConnectionIsGoneIsReplaced() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        try team.openStore().store.close()
        let owner = try team.owner()
        defer { owner.close() }
        try owner.query("UPDATE workbench.sessions SET holder = 0, holder_since = now() WHERE name = $1", [anna])
        let (crashed, _) = try team.openStore()
        #expect(try owner.query("SELECT (holder <> 0)::text AS replaced FROM workbench.sessions WHERE name = $1", [anna]).first("replaced") == "true")
        try owner.query("SELECT pg_terminate_backend(holder) FROM workbench.sessions WHERE name = $1", [anna])
        var opened: TeamSessionStore?
        for _ in 0..<100 where opened == nil {
            do {
                opened = try team.openStore().store
            } catch {
                guard "\(error)".contains("open in another workbench") else { throw error }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        #expect(opened != nil)
        try opened?.close()
        try? crashed.close()
    }

    /// A team database set up by a workbench that kept the session lock as an advisory lock has no
    /// holder columns: opening a session names the fix (team init once more), and after it the
    /// sessions are there as before.
    @Test func tablesFromBeforeSessionHoldersSayToRunTeamInitAgain() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let (store, key) = try team.openStore()
        try store.perform(.setStatus(key, .done), time: "2026-01-01T09:00:01Z", annotator: team.name("anna"), group: nil)
        try store.close()
        try team.asOwner("DROP POLICY sessions_hold ON workbench.sessions", "ALTER TABLE workbench.sessions DROP COLUMN holder, DROP COLUMN holder_since")
        #expect {
            _ = try team.openStore()
        } throws: { error in
            "\(error)".contains("were set up by an older workbench (their sessions have no holder column): the project owner runs workbench team init \(team.serverURL) --corpus PATH once more")
        }
        try team.setUp()
        let (again, _) = try team.openStore()
        #expect(again.session.events.count == 1)
        try again.close()
    }

    /// `team add-annotator` and `team init` again are serialised by a lock on the members table,
    /// not by an advisory lock any role could take and keep: anna holding the old advisory lock
    /// and reading the members table in an open transaction holds up neither, and she may not lock
    /// the table herself.
    @Test func aMemberCannotHoldUpAddAnnotatorOrTeamInit() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = try team.connect(as: "anna")
        defer { anna.close() }
        try anna.query("BEGIN")
        #expect(throws: TeamError.self) { try anna.query("LOCK TABLE workbench.members IN SHARE ROW EXCLUSIVE MODE") }
        try anna.query("ROLLBACK")
        try anna.query("SELECT pg_advisory_lock(hashtext('workbench team init'))")
        try anna.query("BEGIN")
        try anna.query("SELECT count(*) FROM workbench.members")
        let owner = TeamProject(connection: try PostgresConnection(url: try DatabaseURL(team.url), timeoutSeconds: 3, passwordFile: team.pgpass))
        defer { owner.connection.close() }
        try owner.addMember(name: team.name("bob"), role: "annotator", passwordFile: team.pgpass)
        try team.setUp(on: owner)
        try anna.query("ROLLBACK")
        try team.connect(as: "bob").close()
    }

    /// In a database where members may create objects in `public` (made before PostgreSQL 15, or
    /// granted), anna puts a `format(text, text, text)` there that would make her an adjudicator
    /// when called with the owner's rights. `team add-annotator`, whose function calls `format`,
    /// runs PostgreSQL's own: anna stays an annotator.
    @Test func aFunctionAMemberPutsInPublicIsNeverCalledForTheOwner() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let owner = TeamProject(connection: try team.owner())
        defer { owner.connection.close() }
        try owner.connection.query("GRANT CREATE ON SCHEMA public TO \(anna)")
        let connection = try team.connect(as: "anna")
        defer { connection.close() }
        try connection.query(
            """
            CREATE FUNCTION public.format(text, text, text) RETURNS text LANGUAGE plpgsql AS $$
            BEGIN EXECUTE pg_catalog.format('GRANT workbench_adjudicator TO %I', '\(anna)'); RETURN pg_catalog.format($1, $2, $3); END $$
            """)
        try owner.addMember(name: team.name("bob"), role: "annotator", passwordFile: team.pgpass)
        #expect(try connection.query("SELECT pg_has_role(current_user, 'workbench_adjudicator', 'MEMBER')::text AS a").first("a") == "false")
    }

    /// "Anna" next to "anna": two roles, two sessions, two columns in every table that a reader
    /// cannot tell apart. Refused, naming the member; no role is made.
    @Test func aMemberNameDifferingOnlyInCaseIsRefused() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let project = TeamProject(connection: try team.owner())
        defer { project.connection.close() }
        let upper: String = "Anna_" + team.suffix
        #expect {
            _ = try project.addMember(name: upper, role: "annotator", passwordFile: team.pgpass)
        } throws: { error in
            "\(error)".contains("name '\(upper)' refused: the team has a member whose name differs from it only in case (\(team.name("anna")))")
        }
        #expect(try project.connection.query("SELECT count(*) AS n FROM pg_roles WHERE rolname = $1", [upper]).first("n") == "0")
    }

    /// A member whose role may create objects in some schema (the `public` schema of a database
    /// made before PostgreSQL 15, or one a DBA granted) puts a `pg_has_role` answering true before
    /// pg_catalog in their search_path: the read policy still shows them only their own lines.
    @Test func aMembersOwnPgHasRoleDoesNotOpenTheReadPolicy() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator")])
        defer { team.drop() }
        let bob = try team.connect(as: "bob")
        try bob.query("INSERT INTO workbench.sessions (name, header, header_line) VALUES ($1, '{}', json_build_object('annotator', $1::text)::text)", [team.name("bob")])
        try bob.query("INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 1, '{}')", [team.name("bob")])
        bob.close()
        try team.asOwner("CREATE SCHEMA scratch", "GRANT USAGE, CREATE ON SCHEMA scratch TO \(team.name("anna"))")
        let anna = try team.connect(as: "anna")
        defer { anna.close() }
        try anna.query("CREATE FUNCTION scratch.pg_has_role(name, text, text) RETURNS boolean LANGUAGE sql AS 'SELECT true'")
        try anna.query("SET search_path = scratch, pg_catalog")
        #expect(try anna.query("SELECT count(*) AS n FROM workbench.events").first("n") == "0")
        #expect(try anna.query("SELECT count(*) AS n FROM workbench.sessions").first("n") == "0")
    }

    /// A database that holds no team tables (a wrong database name, or `team init` not run yet).
    @Test func aDatabaseWithoutTeamTablesSaysToCheckTheNameOrRunTeamInit() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        try team.asOwner("DROP SCHEMA workbench CASCADE")
        #expect {
            _ = try team.openStore()
        } throws: { error in
            let text = "\(error)"
            return text.contains("holds no workbench team tables: check the database name in the URL")
                && text.contains("workbench team init \(team.serverURL) --corpus PATH") && !text.contains("password")
        }
    }

    /// A URL whose port is another service's (here one that answers like a web server): the
    /// message says that no PostgreSQL answers there, at once.
    @Test func aServerOfAnotherKindIsNamedAsNoPostgreSQL() throws {
        let loopback = try LoopbackListener()
        defer { loopback.close() }
        let listener = loopback.socket, port = loopback.port
        let server = Thread {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 64)
            _ = read(client, &buffer, buffer.count)
            let answer = Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8)
            _ = write(client, answer, answer.count)
            close(client)
        }
        server.start()
        let started = Date()
        #expect {
            _ = try PostgresConnection(url: try DatabaseURL("postgresql://anna@127.0.0.1:\(port)/project?sslmode=disable"), timeoutSeconds: 5)
        } throws: { error in
            "\(error)".contains("what answers at 127.0.0.1 port \(port) is not a PostgreSQL server (another service on that port?): check the host and port in the URL")
        }
        #expect(Date().timeIntervalSince(started) < 4)
        // A listener that never answers (connections wait in its backlog): the connect timeout ends it.
        let silent = try LoopbackListener()
        defer { silent.close() }
        let silentPort = silent.port
        let waited = Date()
        #expect {
            _ = try PostgresConnection(url: try DatabaseURL("postgresql://anna@127.0.0.1:\(silentPort)/project?sslmode=disable"), timeoutSeconds: 2)
        } throws: { error in
            "\(error)".contains("nothing answered at 127.0.0.1 port \(silentPort) in time: check the host and port in the URL")
        }
        // A guard against an endless wait, not a speed check: the 2 s connect timeout ended it in 2.0 s on an
        // idle host, and once in 18 s on a host loaded by a whole parallel test run.
        #expect(Date().timeIntervalSince(waited) < 60)
    }

    /// A database name that is not on the server.
    @Test func aDatabaseThatDoesNotExistSaysWhoCreatesIt() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let missing = try DatabaseURL(team.serverURL).replacingDatabase(with: team.database + "_missing")
        #expect {
            _ = try PostgresConnection(url: missing, user: team.name("anna"), passwordFile: team.pgpass)
        } throws: { error in
            "\(error)".contains("does not exist; check the database name in the URL; the project owner creates the database")
        }
    }

    /// Team tables of another version (here `events` without the `line` column).
    @Test func teamTablesOfAnotherVersionAreNamedAsSuch() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        try team.asOwner("ALTER TABLE workbench.events DROP COLUMN line CASCADE")
        #expect {
            _ = try team.openStore()
        } throws: { error in
            "\(error)".contains("(SQLSTATE 42703); the team tables in \(team.serverURL) were made by another version of workbench")
        }
    }

    /// A password file with another password for the role: the message names the file and the line.
    @Test func aWrongPasswordNamesThePasswordFileAndTheWayOut() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let url = try DatabaseURL(team.serverURL)
        let wrong = team.folder + "/wrong-pgpass"
        try PasswordFile(path: wrong).store(host: url.settings.first { $0.keyword == "host" }?.value ?? "", port: url.settings.first { $0.keyword == "port" }?.value ?? "", user: anna, password: "not-it")
        #expect {
            _ = try PostgresConnection(url: url, user: anna, passwordFile: wrong)
        } throws: { error in
            let text = "\(error)"
            return text.contains("password authentication failed") && text.contains("the password for role \(anna) was wrong: check its line in \(wrong)")
                && text.contains("workbench team add-annotator \(anna)") && !text.contains("not-it")
        }
    }

    /// A password file others may read is skipped by libpq (which only warns on standard error):
    /// the message says so and how to mend it.
    @Test func aPasswordFileOthersMayReadIsNamedWithTheChmodThatMendsIt() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let open = team.folder + "/open-pgpass"
        try FileManager.default.copyItem(atPath: team.pgpass, toPath: open)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: open)
        #expect {
            _ = try PostgresConnection(url: try DatabaseURL(team.serverURL), user: team.name("anna"), passwordFile: open)
        } throws: { error in
            "\(error)".contains("the password file \(open) may be read by others (mode 644), so libpq ignores it: run chmod 600 \(open)")
        }
        // Mended as told, the same file works.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: open)
        try PostgresConnection(url: try DatabaseURL(team.serverURL), user: team.name("anna"), passwordFile: open).close()
    }

    /// Another transaction holds a lock the session needs (an owner's psql left in a transaction):
    /// opening ends within the time allowed, saying a lock was held and what to do.
    @Test func aLockHeldByAnotherTransactionEndsInAClearMessageInTime() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let owner = try team.owner()
        defer { owner.close() }
        try owner.query("BEGIN")
        try owner.query("LOCK TABLE workbench.events IN ACCESS EXCLUSIVE MODE")
        let started = Date()
        #expect {
            _ = try team.openStore(timeoutSeconds: 3)
        } throws: { error in
            "\(error)".contains("another connection held a lock it needs")
        }
        #expect(Date().timeIntervalSince(started) < 8)
        try owner.query("ROLLBACK")
    }
}
