import Foundation
import Testing
import TestSupport

@testable import Workbench

/// An empty string given where a file, folder or session is named (a shell variable left unset:
/// `--schema "$SCHEMA"`) is a usage error naming the option, before anything is read.
@Suite("Empty path arguments")
struct EmptyPathArgumentTests {
    @Test("an empty corpus, schema, session or file argument names its option (it said \"Error: : no such file or folder\")")
    func namedAsEmpty() async throws {
        let url = "postgresql://owner@127.0.0.1:1/none"
        let session = TestScratch.path("empty-path-session-")
        for (arguments, message) in [
            (["annotate", "", "--session", session], "a corpus path is empty: name a corpus file or folder"),
            (["annotate", "seeds", "--session", session, "--schema", ""], "--schema is empty: name a schema file"),
            (["segment", ""], "a corpus path is empty: name a corpus file or folder"),
            (["suggest", ""], "a corpus path is empty: name a corpus file or folder"),
            (["validate", ""], "a session argument is empty: name a session file"),
            (["validate", "sessions/example.json", "--corpus", ""], "--corpus is empty: name a corpus file or folder"),
            (["replay", "sessions/example.json", "--corpus", ""], "--corpus is empty: name a corpus file or folder"),
            (["review", "sessions/example.json", "--corpus", ""], "--corpus is empty: name a corpus file or folder"),
            (["stats", ""], "a session argument is empty: name a session file"),
            (["export", "sessions/example.json", "--corpus", "", "--format", "csv", "--out", session], "--corpus is empty: name a corpus file or folder"),
            (["export", "", "--format", "csv", "--out", session], "a session argument is empty: name a session file"),
            (["agree", "sessions/example.json", ""], "a session argument is empty: name a session file"),
            (["adjudicate", "", "sessions/example.json", "--out", session], "a session argument is empty: name a session file"),
            (["import", "jsonl", "", "--session", session], "a file argument is empty: name a JSONL file"),
            (["import", "jsonl", "x.jsonl", "--corpus", "", "--session", session], "--corpus is empty: name a corpus file or folder"),
            (["import", "jsonl", "x.jsonl", "--sessions", ""], "--sessions is empty: name the folder of sessions"),
            (["import", "brat", "", "--session", session], "the brat folder is empty: name the folder of .txt and .ann files"),
            (["import", "brat", "seeds", "--corpus-out", "", "--session", session], "--corpus-out is empty: name the file to write the corpus into"),
            (["import", "spkatt", "x", "--corpus-out", "", "--session", session], "--corpus-out is empty: name the file to write the corpus into"),
            (["import", "spkatt", "", "--session", session], "a path argument is empty: name a SpkAtt JSON file"),
            (["import", "labelstudio", "", "--session", session], "the tasks file is empty: name a Label Studio tasks file"),
            (["import", "webanno", "", "--session", session], "a path argument is empty: name a WebAnno TSV file"),
            (["team", "init", url, "--corpus", ""], "--corpus is empty: name a corpus file or folder"),
            (["team", "init", url, "--corpus", "seeds", "--schema", ""], "--schema is empty: name a schema file"),
            (["team", "add-annotator", "anna", "--team", url, "--pgpass", ""], "--pgpass is empty: name the password file to write"),
            (["team", "push", "", "--team", url], "a session argument is empty: name a session file"),
        ] {
            let result = try await WorkbenchProcess.run(arguments, stdin: "")
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Error: : "), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: session + ".json"))
    }
}
