import Foundation
import Testing
import TestSupport
@testable import WorkbenchTeam

/// Connecting to the team database ends within one deadline, the connection's time per answer,
/// whatever number of addresses it tries: libpq's `connect_timeout` (the blocking
/// `PQconnectdbParams`) waited that long for each address in turn.
@Suite("Team mode: one deadline for connecting", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamConnectDeadlineTests {
    /// Two silent addresses: the deadline passes while the first is tried, and the message names
    /// it; the second is never tried (libpq tried it after the first's whole timeout, and its
    /// message named both).
    @Test func twoSilentAddressesShareOneDeadline() throws {
        let first = try LoopbackListener(), second = try LoopbackListener()
        defer {
            first.close()
            second.close()
        }
        let url = try DatabaseURL("postgresql://anna@127.0.0.1:\(first.port),127.0.0.1:\(second.port)/project?sslmode=disable")
        #expect {
            _ = try PostgresConnection(url: url, timeoutSeconds: 2)
        } throws: { error in
            // What libpq said, after the URL (which names both).
            let text = "\(error)".components(separatedBy: "sslmode=disable: ").last ?? ""
            return "\(error)".hasPrefix("cannot connect to the team database ")
                && text.contains("port \(first.port) failed: timeout expired")
                && text.contains("nothing answered at 127.0.0.1 port \(first.port) in time: check the host and port in the URL")
                && !text.contains("\(second.port)")
        }
    }

    /// The deadline is measured on the connection's clock (``TeamClock``), not libpq's wall clock:
    /// a clock that runs an hour per reading ends the wait at once, with the same message.
    @Test func theDeadlineIsOnTheConnectionsClock() throws {
        let silent = try LoopbackListener()
        defer { silent.close() }
        let settable = SettableTeamClock()
        settable.advance(by: 0, perReading: 3600)
        #expect {
            _ = try PostgresConnection(
                url: try DatabaseURL("postgresql://anna@127.0.0.1:\(silent.port)/project?sslmode=disable"), timeoutSeconds: 600, clock: settable.clock)
        } throws: { error in
            "\(error)".contains("nothing answered at 127.0.0.1 port \(silent.port) in time: check the host and port in the URL")
        }
    }

    /// libpq's message is made one line without its layout: its detail line began with a tab, shown
    /// as "refused;  Is the server running" (the tab written as a space).
    @Test func libpqsDetailLineJoinsWithoutItsTab() throws {
        #expect {
            _ = try PostgresConnection(url: try DatabaseURL("postgresql://anna@127.0.0.1:1/project?sslmode=disable"), timeoutSeconds: 2)
        } throws: { error in
            "\(error)".contains("port 1 failed: Connection refused; Is the server running on that host") && !"\(error)".contains("\t")
        }
    }

    /// A host name whose lookup never ends (a name server that does not answer): the command ends
    /// at the deadline of connecting, naming the host and the time (libpq looked the name up itself,
    /// blocking, before its deadline began). The lookup is the test's own, so no name service is
    /// needed; the waiting for it is the one every connection does.
    @Test func aLookupThatNeverEndsEndsAtTheDeadline() throws {
        let never = DispatchSemaphore(value: 0)
        defer { never.signal() }
        let lookup = HostLookup { _ in
            never.wait()
            return .failure(HostLookup.Failure(reason: "released"))
        }
        #expect {
            _ = try PostgresConnection(url: try DatabaseURL("postgresql://anna@db.slow.test:5432/project?sslmode=disable"), timeoutSeconds: 2, hostLookup: lookup)
        } throws: { error in
            "\(error)".hasPrefix("cannot connect to the team database ")
                && "\(error)".contains("looking up the host name \"db.slow.test\" did not end within the 2 s allowed for connecting")
        }
    }

    /// A name is connected to at the addresses its lookup gave (libpq gets them as `hostaddr`, the
    /// name as `host`): the silent listener behind "db.test" is what the message names (libpq by
    /// its address, the advice by the name).
    @Test func aNameIsConnectedToAtItsAddresses() throws {
        let silent = try LoopbackListener()
        defer { silent.close() }
        let asked = LockedNames()
        let lookup = HostLookup { name in
            asked.append(name)
            return name == "db.test" ? .success(["127.0.0.1"]) : .failure(HostLookup.Failure(reason: "Name or service not known"))
        }
        #expect {
            _ = try PostgresConnection(
                url: try DatabaseURL("postgresql://anna@nowhere.test:\(silent.port),db.test:\(silent.port)/project?sslmode=disable"), timeoutSeconds: 2,
                hostLookup: lookup)
        } throws: { error in
            "\(error)".contains("could not translate host name \"nowhere.test\" to address: Name or service not known")
                && "\(error)".contains("connection to server at \"127.0.0.1\", port \(silent.port) failed: timeout expired")
                && "\(error)".contains("nothing answered at db.test port \(silent.port) in time")
        }
        #expect(asked.names == ["nowhere.test", "db.test"])
        // No name has an address: refused with the lookup's words, nothing tried.
        #expect {
            _ = try PostgresConnection(url: try DatabaseURL("postgresql://anna@nowhere.test/project?sslmode=disable"), timeoutSeconds: 2, hostLookup: lookup)
        } throws: { error in
            "\(error)" == "cannot connect to the team database postgresql://anna@nowhere.test/project?sslmode=disable: could not translate host name \"nowhere.test\" to address: Name or service not known"
        }
    }

    /// Which hosts are looked up and how libpq gets them: names become one entry per address (with
    /// their port), sockets and numeric addresses are left to libpq, and nothing is looked up when
    /// the settings give `hostaddr` already.
    @Test func hostsGivenToLibpq() throws {
        let lookup = HostLookup { name in name == "two.test" ? .success(["192.0.2.1", "2001:db8::1"]) : .failure(HostLookup.Failure(reason: "unknown")) }
        let deadline = TeamClock.monotonic.reading(after: 5)
        func hosts(_ settings: [(String, String)], _ environment: [String: String] = [:]) throws -> ConnectionHosts {
            try ConnectionHosts(settings: settings, environment: environment, lookup: lookup, until: deadline, clock: .monotonic, seconds: 5)
        }
        let several = try hosts([("host", "two.test,/run/pg,10.0.0.1,gone.test"), ("port", "5432,5433,5434,5435")])
        #expect(several.settings.map { "\($0.0)=\($0.1)" } == [
            "host=two.test,two.test,/run/pg,10.0.0.1", "hostaddr=192.0.2.1,2001:db8::1,,", "port=5432,5432,5433,5434",
        ])
        #expect(several.failures == ["could not translate host name \"gone.test\" to address: unknown"])
        #expect(try hosts([("host", "two.test"), ("port", "5432")]).settings.map(\.0) == ["host", "hostaddr"])
        #expect(try hosts([], ["PGHOST": "two.test"]).settings.first?.1 == "two.test,two.test")
        #expect(try hosts([("host", "two.test"), ("hostaddr", "192.0.2.9")]).settings.isEmpty)
        #expect(try hosts([("host", "/run/pg,127.0.0.1,::1")]).settings.isEmpty)
        #expect(try hosts([]).settings.isEmpty)
    }
}

/// The names a test's lookup was asked for, from the lookup's threads.
private final class LockedNames: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func append(_ name: String) { lock.withLock { list.append(name) } }
    var names: [String] { lock.withLock { list } }
}
