import Foundation
import Testing
@testable import WorkbenchTeam

/// The connection strings users type, read by libpq's own parser (`PQconninfoParse`): the values
/// the code uses, the printed form (never a password) and a clear refusal of a bad one.
@Suite("DatabaseURL")
struct DatabaseURLTests {
    @Test func postgresqlURL() throws {
        let url = try DatabaseURL("postgresql://anna:s3cret@db.example:5433/project?sslmode=require&connect_timeout=5")
        #expect(url.user == "anna" && url.host == "db.example" && url.value("port") == "5433" && url.database == "project")
        #expect(url.value("sslmode") == "require" && url.value("password") == "s3cret")
        #expect(!url.isSocket)
        #expect(url.redacted == "postgresql://anna@db.example:5433/project?connect_timeout=5&sslmode=require")
        // A changed copy keeps the credentials (it is for connecting), the printed form never does.
        let copy = try DatabaseURL(url.replacingDatabase(with: "other").text)
        #expect(copy.database == "other" && copy.value("password") == "s3cret" && copy.value("sslmode") == "require")
    }

    @Test func postgresSchemeIsTheSame() throws {
        let url = try DatabaseURL("postgres://bob:pw@db.example/project")
        #expect(url.user == "bob" && url.host == "db.example" && url.database == "project")
        #expect(url.redacted == "postgres://bob@db.example/project")
    }

    @Test func socketFolderInTheQuery() throws {
        let url = try DatabaseURL("postgresql:///project?host=/var/run/postgresql&port=5433")
        #expect(url.host == "/var/run/postgresql" && url.value("port") == "5433" && url.database == "project" && url.user == nil)
        #expect(url.isSocket)
        #expect(url.redacted == "postgresql:///project?host=/var/run/postgresql&port=5433")
        // The folder percent-encoded as the URL's host means the same.
        let encoded = try DatabaseURL("postgresql://anna@%2Fvar%2Frun%2Fpostgresql:5433/project")
        #expect(encoded.host == "/var/run/postgresql" && encoded.value("port") == "5433" && encoded.isSocket)
    }

    @Test func keyValueWords() throws {
        let url = try DatabaseURL(#"host=db.example port=5433 dbname='my project' user=anna password='s3 cr\'et'"#)
        #expect(url.host == "db.example" && url.value("port") == "5433" && url.database == "my project" && url.user == "anna")
        #expect(url.value("password") == "s3 cr'et")
        #expect(!url.redacted.contains("s3") && !url.redacted.contains("password"))
        // The printed form reads back as the same settings, less the password.
        let back = try DatabaseURL(url.redacted)
        #expect(back.database == "my project" && back.host == "db.example" && back.user == "anna" && back.value("password") == nil)
        #expect(try DatabaseURL("host=/srv/pg dbname=project").isSocket)
    }

    @Test func percentEncodedPassword() throws {
        let url = try DatabaseURL("postgresql://anna:p%40ss%3Aw%2Fd@db.example/project")
        #expect(url.value("password") == "p@ss:w/d" && url.user == "anna" && url.host == "db.example")
        #expect(url.redacted == "postgresql://anna@db.example/project")
        #expect(try DatabaseURL(url.removingUser.text).value("password") == "p@ss:w/d")
    }

    @Test func ipv6Host() throws {
        let url = try DatabaseURL("postgresql://anna@[2001:db8::1]:5433/project")
        #expect(url.host == "2001:db8::1" && url.value("port") == "5433" && !url.isSocket)
        #expect(url.redacted == "postgresql://anna@[2001:db8::1]:5433/project")
        #expect(try DatabaseURL("postgresql://[::1]/p").replacingDatabase(with: "q").text == "postgresql://[::1]/q")
    }

    @Test func severalHosts() throws {
        let url = try DatabaseURL("postgresql://anna@db1:5433,db2:5434/project?target_session_attrs=read-write")
        #expect(url.host == "db1,db2" && url.value("port") == "5433,5434")
        #expect(url.redacted == "postgresql://anna@db1:5433,db2:5434/project?target_session_attrs=read-write")
    }

    /// A string libpq would not connect with is refused with libpq's reason; no part of it that
    /// could be a password is quoted.
    @Test(arguments: [
        ("", "empty"),
        ("   ", "empty"),
        ("postgresql://anna:s3cret@[::1/project", "IPv6"),
        ("postgresql://anna:s3%zzcret@db.example/project", "percent-encoded"),
        ("postgresql://db.example/project?password=s3cret&nosuchoption=1", "nosuchoption"),
        ("host=db.example dbname", "dbname"),
        ("host=db.example password=s3cret nosuchkey=1", "nosuchkey"),
        ("dbname='unterminated password=s3cret", "unterminated"),
    ])
    func badStringsAreRefusedClearly(text: String, reason: String) {
        #expect {
            _ = try DatabaseURL(text)
        } throws: { error in
            guard let error = error as? TeamError, case .invalidURL = error else { return false }
            let message = error.description
            return message.contains("not a PostgreSQL connection string") && message.contains(reason) && !message.contains("s3")
                && (text.allSatisfy(\.isWhitespace) || message.contains(": " + DatabaseURL.redacting(text) + " ("))
                && message.contains("postgresql://ROLE@HOST:PORT/DATABASE")
        }
    }

    /// A string libpq refused is shown without anything that could be a password: the user's
    /// `:secret` before the `@`, a `password` or `sslpassword` value in a query or in words.
    @Test(arguments: [
        ("postgresql://anna:s3cret@[::1/project", "postgresql://anna:…@[::1/project"),
        ("postgresql://anna:s3%zzcret@db.example/project", "postgresql://anna:…@db.example/project"),
        ("postgresql://anna:pa/s3@cret@db.example/project?x=1", "postgresql://anna:…@db.example/project?x=1"),
        ("postgresql://anna:s3cret", "postgresql://anna:…"),
        ("postgresql://db.example/project?password=s3cret&nosuchoption=1", "postgresql://db.example/project?password=…&nosuchoption=1"),
        ("postgres://db/p?sslpassword=s3cret", "postgres://db/p?sslpassword=…"),
        ("host=db.example password=s3cret nosuchkey=1", "host=db.example password=… nosuchkey=1"),
        ("host=db PASSWORD = 's3 cret' nosuchkey=1", "host=db PASSWORD = '…' nosuchkey=1"),
        ("dbname='unterminated password=s3cret", "dbname='unterminated password=…"),
        ("anna:s3cret@db.example/project", "anna:…@db.example/project"),
        ("postgresql://db.example:5432,db2:5433/p", "postgresql://db.example:5432,db2:5433/p"),
    ])
    func aRefusedStringIsShownWithoutItsPassword(text: String, shown: String) {
        #expect(DatabaseURL.redacting(text) == shown)
    }

    /// Every command that takes a team URL reads it when its command line is parsed: a bad one is a
    /// usage error (exit status 2) before any connection, naming the URL without its password.
    @Test(arguments: [
        ["team", "status", "--team"], ["team", "pull", "--annotator", "anna", "--out", "x"], ["annotate", "--team"],
        ["agree", "--team"], ["adjudicate", "--out", "x", "--team"], ["diff", "--team"], ["stats", "--team"],
        ["export", "--format", "jsonl", "--out", "x", "--team"], ["replay", "--team"], ["review", "--team"],
    ])
    func aBadURLIsAUsageErrorThatNamesItWithoutThePassword(command: [String]) async throws {
        let result = try await WorkbenchProcess.run(command + ["postgresql://anna:s3cret@[::1/project"], stdin: "quit\n")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("not a PostgreSQL connection string: postgresql://anna:…@[::1/project"), "\(result.stderr)")
        #expect(!result.stderr.contains("s3cret"))
    }

    /// `WORKBENCH_TEAM` is read the same way when no URL is given.
    @Test func aBadURLInTheEnvironmentIsAUsageErrorToo() async throws {
        let result = try await WorkbenchProcess.run(["team", "status"], environment: ["WORKBENCH_TEAM": "host=db password=s3cret nosuchkey=1"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("host=db password=… nosuchkey=1") && !result.stderr.contains("s3cret"), "\(result.stderr)")
    }
}
