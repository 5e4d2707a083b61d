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
                && message.contains("postgresql://ROLE@HOST:PORT/DATABASE")
        }
    }

    /// The command says so in one line, before any connection, and exits non-zero.
    @Test func aBadURLIsOneClearLineFromTheCommand() async throws {
        let result = try await WorkbenchProcess.run(["team", "status", "--team", "postgresql://anna:s3cret@[::1/project"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("not a PostgreSQL connection string") && !result.stderr.contains("s3cret"))
    }
}
