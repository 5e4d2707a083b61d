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
}
