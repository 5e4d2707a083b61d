@testable import Annotations
import Foundation
import Testing
import TestSupport
@testable import WorkbenchTeam

/// Faults a trust audit of team mode found with the real binary against a real PostgreSQL: what a
/// member could do with plain SQL that the design says nobody may, and what one member's session
/// could do to every reader's command.
@Suite("Team mode audit", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamAuditTests {
    /// Every reader names a session's annotator after its header. An adjudicator's session (kind
    /// `adjudication`) was created with any header: ada stored one naming anna, and `agree --team`
    /// showed it as "anna" and anna's own session as "anna-2". Now the database refuses it, by hand
    /// and by push, as for an annotation session.
    @Test func anAdjudicationSessionWhoseHeaderNamesAnotherMemberCannotBeCreated() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("ada", "adjudicator")])
        defer { team.drop() }
        let anna = team.name("anna"), ada = team.name("ada")
        let connection = try team.connect(as: "ada")
        defer { connection.close() }
        #expect(throws: TeamError.self) {
            try connection.query(
                "INSERT INTO workbench.sessions (name, kind, header, header_line) VALUES ($1, 'adjudication', '{}', json_build_object('annotator', $2::text)::text)",
                [ada, anna])
        }
        // anna's log, pulled by ada (who may read it), pushed by ada as her adjudication.
        try team.markFirstSentenceDone(as: "anna")
        let local = team.folder + "/anna"
        _ = try TeamTransfer(project: TeamProject(connection: connection)).pull(anna, to: local)
        #expect {
            _ = try TeamTransfer(project: TeamProject(connection: connection)).push(local, kind: "adjudication")
        } throws: { error in
            "\(error)".contains("push refused: \(local).jsonl is the session of annotator '\(anna)', but you connect as '\(ada)'")
                && "\(error)".contains("nothing was uploaded")
        }
        #expect(try connection.query("SELECT count(*) AS n FROM workbench.sessions WHERE name = $1", [ada]).first("n") == "0")
        // Her own name in the header is taken.
        try connection.query(
            "INSERT INTO workbench.sessions (name, kind, header, header_line) VALUES ($1, 'adjudication', '{}', json_build_object('annotator', $1::text)::text)", [ada])
    }

    /// `adjudicate --team` without `--adjudicator` named the result after the login name of the
    /// machine ($USER), not the role it is stored as; with the header check above that push would be
    /// refused at the end of the work. With `--team` the adjudicator is the connecting role; another
    /// `--adjudicator` is refused before anything is asked or written.
    @Test func adjudicateInTeamModeIsTheConnectingRole() async throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator"), ("ada", "adjudicator")])
        defer { team.drop() }
        for short in ["anna", "bob"] {
            let run = try await team.annotate(team.name(short))
            #expect(run.status == 0, "\(run.stderr)")
        }
        let adaURL = team.serverURL + "?user=\(team.name("ada"))"
        let names = [team.name("anna"), team.name("bob")]
        let refused = try await WorkbenchProcess.run(
            ["adjudicate", "--team", adaURL] + names + ["--out", team.folder + "/other", "--adjudicator", "someone"],
            stdin: String(repeating: "1\n", count: 50), environment: team.environment)
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("--adjudicator someone"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: team.folder + "/other.json"))
        let adjudicate = try await WorkbenchProcess.run(
            ["adjudicate", "--team", adaURL] + names + ["--out", team.folder + "/gold"],
            stdin: String(repeating: "1\n", count: 200), environment: team.environment.merging(["USER": "jsmith", "LOGNAME": "jsmith"]) { $1 })
        #expect(adjudicate.status == 0, "\(adjudicate.stderr)")
        #expect(adjudicate.stdout.contains("stored the adjudicated session"), "\(adjudicate.stdout)")
        let stored = try TeamProject(connection: team.connect(as: "ada")).session(named: team.name("ada"))
        #expect(stored.annotator == team.name("ada"))
    }
}

/// One member's session must not stop the team's readers.
@Suite("Team mode audit: unreadable sessions", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamAuditUnreadableTests {
    /// eve stores a line by hand in her own session that is no log line. `stats`, `agree` and
    /// `export --team` without names (every session one may read) failed for the reviewer on her
    /// session alone: any annotator could stop every team-wide reading. Now her session is left out
    /// with a warning that names it; asked for by name, it still fails.
    @Test func aSessionThatCannotBeReadIsLeftOutOfEverySessionNamingIt() async throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("eve", "annotator"), ("rev", "reviewer")])
        defer { team.drop() }
        for short in ["anna", "eve"] {
            let run = try await team.annotate(team.name(short))
            #expect(run.status == 0, "\(run.stderr)")
        }
        let eve = try team.connect(as: "eve")
        try eve.query(
            "INSERT INTO workbench.events (session, sequence, line) VALUES ($1, 1000, E'{\"garbage\": true}\\n')", [team.name("eve")])
        eve.close()
        let revURL = team.serverURL + "?user=\(team.name("rev"))"
        let stats = try await WorkbenchProcess.run(["stats", "--team", revURL, "--json"], environment: team.environment)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains(team.name("anna")), "\(stats.stdout)")
        #expect(stats.stderr.contains("warning: session '\(team.name("eve"))' left out: it cannot be read"), "\(stats.stderr)")
        let named = try await WorkbenchProcess.run(["stats", "--team", revURL, team.name("eve")], environment: team.environment)
        #expect(named.status == 1, "\(named.stdout)")
        #expect(named.stderr.contains("damaged log line"), "\(named.stderr)")
    }
}

/// Servers that refuse the connection for reasons of transport: what to do, not only libpq's words.
@Suite("Team mode audit: TLS and pg_hba", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamAuditTransportTests {
    /// The test cluster offers no TLS; a URL with `sslmode=require` was refused with libpq's reason
    /// alone ("server does not support SSL, but SSL was required"), which says nothing of what to do.
    @Test func aServerWithoutTLSWhenTheURLAsksForItSaysWhatToDo() throws {
        let owner = try #require(TeamFixture.ownerURL)
        #expect {
            _ = try PostgresConnection(url: try DatabaseURL(owner + "?sslmode=require"), timeoutSeconds: 5)
        } throws: { error in
            let text = "\(error)"
            return text.contains("server does not support SSL") && text.contains("offers no TLS, and the URL's sslmode asks for it")
                && text.contains("ssl = on in postgresql.conf") && text.contains("sslmode=require")
        }
    }

    /// pg_hba.conf refusals, as libpq words them (a `hostssl`-only server, and no line at all).
    @Test func aLoginThatPgHbaTurnsAwayIsExplained() {
        let advice = ConnectionAdvice(passwordFile: "/nowhere", user: "anna", host: "db.example", port: "5432", environment: [:])
        let tls = advice.advice(
            for: "connection to server at \"db.example\", port 5432 failed: FATAL:  no pg_hba.conf entry for host \"10.0.0.7\", user \"anna\", database \"nk\", no encryption")
        #expect(tls?.contains("takes role anna only over TLS: add sslmode=require to the URL") == true, "\(tls ?? "nil")")
        let none = advice.advice(
            for: "connection to server at \"db.example\", port 5432 failed: FATAL:  no pg_hba.conf entry for host \"10.0.0.7\", user \"anna\", database \"nk\", SSL encryption")
        #expect(none?.contains("does not let role anna connect to this database from here") == true, "\(none ?? "nil")")
    }
}

/// `team pull` of a long history: a million lines took 46 s on the audit machine without a word
/// on the terminal. It now shows what it does (reading, checking, writing) on a terminal, and
/// nothing in a pipe.
@Suite("Team mode audit: pulling a long history", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage), .needsTmux)
struct TeamAuditPullProgressTests {
    @Test func aLongPullShowsProgressOnATerminalAndNothingInAPipe() async throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let (store, _) = try team.openStore()
        try store.close()
        // A long history, written by the owner (cursor moves: valid log lines, cheap to store).
        try team.asOwner(
            """
            INSERT INTO workbench.events (session, sequence, line)
            SELECT '\(anna)', g,
              '{"cursor":{"document":"000_f8d7a53538fa2d5e","sentence":' || (g % 25) || '}}' || chr(10)
            FROM generate_series(1, 300000) g
            """)
        let url = team.serverURL + "?user=\(anna)"
        let piped = try await WorkbenchProcess.run(
            ["team", "pull", url, "--annotator", anna, "--out", team.folder + "/piped"], environment: team.environment)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stderr.isEmpty, "\(piped.stderr)")
        let raw = team.folder + "/terminal.raw", out = team.folder + "/stdout.txt"
        let variables = team.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let invocation = ["env"] + variables + [WorkbenchProcess.binary.path, "team", "pull", url, "--annotator", anna, "--out", team.folder + "/tty"]
        let command = "read go; \(invocation.map(TmuxSession.quote).joined(separator: " ")) > \(TmuxSession.quote(out)); echo \"exit=$?\"; sleep 30"
        let terminal = try await TmuxSession(command: command)
        defer { terminal.kill() }
        try await terminal.recordOutput(to: raw)
        try await terminal.send(keys: .enter)
        _ = try await terminal.waitFor(text: "exit=0", timeout: 120)
        let written = String(decoding: FileManager.default.contents(atPath: raw) ?? Data(), as: UTF8.self)
        #expect(written.contains("checking 300000 line(s) of \(anna)"), "\(written.suffix(2000).debugDescription)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("(0 events) from the team session \(anna)"))
    }
}

/// What a command that runs once says when the server goes away under it.
@Suite("Team mode audit: messages")
struct TeamAuditMessageTests {
    /// `team push` with the server killed in the middle said "…; it is retried with the next
    /// command": nothing retries a command that has ended. A command says to run it again (the
    /// REPL keeps its own wording, where the next command does reconnect).
    @Test func aCommandThatLostItsServerSaysToRunItAgain() {
        let lost = TeamError.connectionLost(url: "postgresql://anna@db.example/nk", reason: "server closed the connection unexpectedly")
        #expect(lost.commandDescription == "lost the connection to the team database postgresql://anna@db.example/nk (server closed the connection unexpectedly); run the command again")
        #expect(lost.description.contains("it is retried with the next command"))
        let slow = TeamError.timedOut(url: "postgresql://anna@db.example/nk", seconds: 10)
        #expect(slow.commandDescription.hasSuffix("did not answer within 10 s (server hung or network down); run the command again"))
        let refused = TeamError.refused(url: "u", reason: "permission denied for table events", code: "42501")
        #expect(refused.commandDescription == refused.description)
    }
}

/// Two REPLs of one annotator whose role is in the URL (`postgresql://anna@host/db`, no
/// `--annotator`): the second was refused naming "workbench  HOST pid N", the role left out of the
/// holder's name. It is named now, as with `--annotator`.
@Suite("Team mode audit: the holder's name", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamAuditHolderNameTests {
    @Test func aSecondREPLOfARoleGivenInTheURLNamesTheRole() throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna")
        let (segmented, schema) = try team.corpus()
        let url = try DatabaseURL(team.serverURL + "?user=\(anna)")
        func open() throws -> TeamSessionStore {
            try TeamSessionStore(url: url, passwordFileForTests: team.pgpass) { _, name throws(TeamError) -> Session in
                Session(annotator: name, corpus: CorpusReference(segmented), schema: schema, created: "2026-01-01T09:00:00Z")
            }
        }
        let first = try open()
        defer { try? first.close() }
        #expect {
            _ = try open()
        } throws: { error in
            "\(error)".contains("is open in another workbench: workbench \(anna) ")
        }
    }
}

/// Team tables set up by a newer workbench: nothing recorded which workbench made the tables, so an
/// older one worked in them by its own rules, and its `team init` put its older rights back.
@Suite("Team mode audit: a newer workbench's tables", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamAuditLayoutTests {
    @Test func tablesOfANewerLayoutAreRefusedAndNothingIsChanged() async throws {
        let team = try TeamFixture(members: [("anna", "annotator")])
        defer { team.drop() }
        let owner = try team.owner()
        defer { owner.close() }
        #expect(try owner.query("SELECT layout::text AS l FROM workbench.project").first("l") == String(TeamSchema.layout))
        // A newer workbench's tables, and a policy of its own that this one does not make.
        try owner.query("UPDATE workbench.project SET layout = layout + 1")
        try owner.query("CREATE POLICY newer_rule ON workbench.events AS RESTRICTIVE FOR SELECT USING (true)")
        let newer = "set up by a newer workbench (layout \(TeamSchema.layout + 1); this workbench knows up to \(TeamSchema.layout))"
        let status = try await WorkbenchProcess.run(["team", "status", "--team", team.url], environment: team.environment)
        #expect(status.status == 1)
        #expect(status.stderr.contains(newer), "\(status.stderr)")
        let annotate = try await team.annotate(team.name("anna"))
        #expect(annotate.status == 1)
        #expect(annotate.stderr.contains(newer), "\(annotate.stderr)")
        let seeds = WorkbenchProcess.packageRoot.appendingPathComponent("seeds").path
        let initAgain = try await WorkbenchProcess.run(["team", "init", team.url, "--corpus", seeds], environment: team.environment)
        #expect(initAgain.status == 1)
        #expect(initAgain.stderr.contains(newer), "\(initAgain.stderr)")
        #expect(try owner.query("SELECT count(*)::text AS n FROM pg_policies WHERE policyname = 'newer_rule'").first("n") == "1")
        #expect(try owner.query("SELECT count(*)::text AS n FROM workbench.sessions").first("n") == "0")
        // Tables of before the layout was recorded (no column) are brought up to date by team init.
        try owner.query("ALTER TABLE workbench.project DROP COLUMN layout")
        let upgrade = try await WorkbenchProcess.run(["team", "init", team.url, "--corpus", seeds], environment: team.environment)
        #expect(upgrade.status == 0, "\(upgrade.stderr)")
        #expect(try owner.query("SELECT layout::text AS l FROM workbench.project").first("l") == String(TeamSchema.layout))
    }
}

/// A NUL character (U+0000) in a note, a speaker's name or a claim: a local session keeps it (as
/// `\u0000` in the log line), but the team store refused the edit with "unsupported Unicode escape
/// sequence (SQLSTATE 22P05)", and a local session holding one could not be pushed at all: the
/// line went into the jsonb column `entry`, which cannot hold U+0000. The exact line is stored as
/// before; the queryable `entry` holds U+FFFD in its place.
@Suite("Team mode audit: NUL in text", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamAuditNulTests {
    @Test func aNoteHoldingNulIsStoredAndPushedWithTheExactLine() async throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator")])
        defer { team.drop() }
        let anna = team.name("anna"), bob = team.name("bob")
        let run = try await team.annotate(anna, stdin: "note a\u{0}b\nquit\n")
        #expect(run.status == 0, "\(run.stdout.suffix(500)) \(run.stderr)")
        #expect(run.stdout.contains("+ N1 note"), "\(run.stdout.suffix(500))")
        let owner = try team.owner()
        defer { owner.close() }
        let stored = try owner.query("SELECT line, entry #>> '{event,record,text}' AS text FROM workbench.events WHERE session = $1 AND line LIKE '%\\u0000%'", [anna])
        #expect(stored.first("line")?.contains(#""text":"a\u0000b""#) == true, "\(stored.rows)")
        #expect(stored.first("text") == "a\u{FFFD}b")
        // bob's local session with such a note, pushed as his team session.
        let local = team.folder + "/bob"
        let localRun = try await WorkbenchProcess.run(
            ["annotate", WorkbenchProcess.packageRoot.appendingPathComponent("seeds").path, "--session", local, "--annotator", bob],
            stdin: "note c\u{0}d\nquit\n", environment: team.environment)
        #expect(localRun.status == 0, "\(localRun.stderr)")
        let push = try await WorkbenchProcess.run(["team", "push", local, "--team", team.serverURL + "?user=\(bob)"], environment: team.environment)
        #expect(push.status == 0, "\(push.stderr)")
        let pulled = team.folder + "/bob-pulled"
        _ = try TeamTransfer(project: TeamProject(connection: owner)).pull(bob, to: pulled)
        #expect(FileManager.default.contents(atPath: pulled + ".jsonl") == FileManager.default.contents(atPath: local + ".jsonl"))
    }
}
