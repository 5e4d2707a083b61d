import Foundation
import Testing
import TestSupport

@testable import Annotations

/// A schema file (`annotate --schema`, `team init --schema`) with a key it does not know, or a file
/// that is no schema at all, is refused naming the key, instead of being taken as the default labels
/// without a word; a file that cannot be read says why.
@Suite("Schema files: unknown keys and unreadable files")
struct SchemaFileKeysTests {
    private func write(_ text: String) throws -> String {
        let folder = TestScratch.path("schema-keys-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/schema.json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a misspelt key is refused naming it and the keys a schema holds")
    func misspeltKey() throws {
        let path = try write(#"{"name": "n", "stance_label": ["favor", "against", "neutral", "none"]}"#)
        #expect(throws: SchemaError.invalid(path, "unknown key \"stance_label\"; a schema file holds name, stance_labels, claim_forms, speaker_kinds (lists left out keep the defaults)")) {
            try AnnotationSchema.load(path: path)
        }
    }

    @Test("a session or export given as the schema is refused as a file of its format")
    func sessionAsSchema() throws {
        let path = try write(#"{"format": "workbench-session", "version": 2, "schema": {"name": "default"}}"#)
        do {
            _ = try AnnotationSchema.load(path: path)
            Issue.record("a session was taken as a schema")
        } catch {
            #expect(error.description.contains("it is a file of format 'workbench-session' (a session or an export), not a schema"))
        }
        let other = try write(#"{"x": 1}"#)
        #expect(throws: SchemaError.self) { try AnnotationSchema.load(path: other) }
    }

    @Test("a schema with the known keys, or some of them, still loads")
    func knownKeys() throws {
        let path = try write(#"{"name": "with-neutral", "stance_labels": ["favor", "against", "neutral", "none"]}"#)
        let schema = try AnnotationSchema.load(path: path)
        #expect(schema.name == "with-neutral")
        #expect(schema.stanceLabels == ["favor", "against", "neutral", "none"])
        #expect(schema.claimForms == AnnotationSchema.standard.claimForms)
        let empty = try write("{}")
        #expect(try AnnotationSchema.load(path: empty).stanceLabels == AnnotationSchema.standard.stanceLabels)
    }

    @Test("a missing file or a folder says which it is, on one line")
    func unreadable() throws {
        let folder = TestScratch.path("schema-keys-d\nx-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(SchemaError.unreadable(folder).description.hasSuffix("cannot read the schema file (it is a folder, not a file)"))
        #expect(!SchemaError.unreadable(folder).description.contains("\n"))
        #expect(SchemaError.unreadable(folder + "/nosuch.json").description.hasSuffix("cannot read the schema file (No such file or directory)"))
    }
}
