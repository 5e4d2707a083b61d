import Testing

@Suite("The consumer script runner", .enabled(if: ConsumerPython.interpreter != nil, "needs WORKBENCH_PYTHON"))
struct ConsumerPythonTests {
    @Test("a script that does not finish is killed at its timeout and reported, not waited for")
    func unfinishedScriptIsKilled() async throws {
        await #expect(throws: ConsumerPython.Unfinished.self) {
            _ = try await ConsumerPython.run("wait_forever.py", [], timeout: 1)
        }
    }

    @Test("standard output and error come back together, or apart for data")
    func outputs() async throws {
        let combined = try await ConsumerPython.run("check_brat.py", ["/nonexistent-folder"])
        #expect(combined.status != 0)
        #expect(!combined.output.isEmpty, "the error message of the script comes back with its output")
        let separate = try await ConsumerPython.runSeparately("check_brat.py", ["/nonexistent-folder"])
        #expect(separate.status != 0)
        #expect(!separate.errors.isEmpty)
    }
}
