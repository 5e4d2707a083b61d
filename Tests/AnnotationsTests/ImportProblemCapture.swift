@testable import Annotations
import Testing

/// The problems an import reports: runs `load` and returns the problems of its `importProblems` error;
/// records an issue when the import goes through or fails another way.
func importProblems(_ load: () throws -> Void) -> [ImportProblem] {
    do {
        try load()
        Issue.record("the import went through")
        return []
    } catch {
        guard let error = error as? ExportError, case .importProblems(_, let problems) = error else {
            Issue.record("unexpected error \(error)")
            return []
        }
        return problems
    }
}
