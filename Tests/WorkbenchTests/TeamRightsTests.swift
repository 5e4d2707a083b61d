import Foundation
import Testing
import TestSupport

/// `annotate --team` as a login that may not write a session: the database refuses (permission
/// denied, SQLSTATE 42501), and the message names the team role the login has (reviewer: reviewers
/// only read; none: not a member of this team) and how the owner grants the one it lacks, exit 1,
/// no SQL dump. It gave the database's refusal with a general advice only.
@Suite("Team mode: a role without the right to annotate", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamRightsTests {
    @Test func readerOrNoRoleCannotAnnotate() async throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("rita", "reviewer")])
        defer { team.drop() }
        let reviewer = try await team.annotate(team.name("rita"), stdin: "note x\nquit\n")
        #expect(reviewer.status == 1, "\(reviewer.stderr)")
        #expect(reviewer.stderr.contains("\(team.name("rita")) is reviewer in"), "\(reviewer.stderr)")
        #expect(reviewer.stderr.contains("reviewers only read"), "\(reviewer.stderr)")
        #expect(reviewer.stderr.contains("workbench team add-annotator \(team.name("rita")) --role annotator"), "\(reviewer.stderr)")
        #expect(reviewer.stderr.split(separator: "\n").count == 1, "\(reviewer.stderr)")
        #expect(reviewer.stdout.isEmpty, "\(reviewer.stdout)")
        try team.asOwner("REVOKE workbench_annotator FROM \(team.name("anna"))")
        let none = try await team.annotate(team.name("anna"), stdin: "note x\nquit\n")
        #expect(none.status == 1, "\(none.stderr)")
        #expect(none.stderr.contains("\(team.name("anna")) has no team role in"), "\(none.stderr)")
        #expect(none.stderr.contains("it is not a member of this team"), "\(none.stderr)")
        #expect(none.stderr.split(separator: "\n").count == 1, "\(none.stderr)")
    }
}
