import Annotations
import Foundation
import Testing

@Suite("adjudicate command")
struct AdjudicateCommandTests {
    @Test("Agreed annotations merge with sources; disagreements are asked; inputs stay; a re-run continues")
    func adjudicate() throws {
        let (folder, anna, ben) = try AgreeCommandTests.sessions()
        let out = folder + "/adjudicated.json"
        let annaBefore = try Data(contentsOf: URL(fileURLWithPath: anna))
        // First disagreement (claim form): take ben's version; then stop.
        let first = try WorkbenchProcess.run(["adjudicate", anna, ben, "--out", out, "--adjudicator", "carla"], stdin: "2\nq\n")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 disagreements to go"))
        #expect(first.stdout.contains("  1 anna: deln.“ Peskow erklärte, [die Lage sei ernst]."))
        #expect(first.stdout.contains("form=direct"))
        #expect(first.stdout.contains("stopped, run again to continue"))
        let partial = try SessionStore.load(path: out)
        let taken = try #require(partial.state.claims.values.first { $0.anchor.text == "die Lage sei ernst" })
        #expect(taken.form == "indirect")
        #expect(taken.sources == ["ben"])
        let agreed = try #require(partial.state.claims.values.first { $0.anchor.text == "Wir müssen handeln." })
        #expect(agreed.sources == ["anna", "ben"])
        #expect(agreed.annotator == "carla")
        #expect(partial.events.allSatisfy { $0.annotator == "carla" })
        #expect(partial.derivedFrom == [anna, ben])
        #expect(partial.state.stances.isEmpty)

        // Second run: only the stance is left; a bad answer is explained, then an edit.
        let second = try WorkbenchProcess.run(["adjudicate", anna, ben, "--out", out, "--adjudicator", "carla"], stdin: "7\ne 1 label=none\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("1 disagreements to go"))
        #expect(second.stdout.contains("cannot use \"7\""))
        #expect(second.stdout.contains("done"))
        let done = try SessionStore.load(path: out)
        let stance = try #require(done.state.stances.values.first)
        #expect(stance.label == "none")
        #expect(stance.sources == ["anna"])
        #expect(done.state.speakers.values.first { $0.name == "Mark Rutte" }?.aliases == ["Rutte"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: anna)) == annaBefore)

        // The result derives from the inputs, so diff matches by id.
        let diff = try WorkbenchProcess.run(["diff", anna, out])
        #expect(diff.stdout.contains("(matched by id: one session derives from the other)"), "\(diff.stdout)")

        // Nothing left: a third run changes nothing.
        let third = try WorkbenchProcess.run(["adjudicate", anna, ben, "--out", out, "--adjudicator", "carla"])
        #expect(third.stdout.contains("0 disagreements to go"))
        #expect(try SessionStore.load(path: out).events.count == done.events.count)
    }

    @Test("The output may not be one of the inputs")
    func outputIsInput() throws {
        let (_, anna, ben) = try AgreeCommandTests.sessions()
        let result = try WorkbenchProcess.run(["adjudicate", anna, ben, "--out", anna])
        #expect(result.status == 1)
        #expect(result.stderr.contains("inputs are never modified"))
    }
}
