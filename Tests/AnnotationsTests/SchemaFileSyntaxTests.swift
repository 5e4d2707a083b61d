import Foundation
import Testing
import TestSupport

@testable import Annotations

/// A schema file that is not JSON (cut off, a missing comma, saved as Latin-1) is named with its
/// line and why, as an import file is.
@Suite("Schema files that are not JSON")
struct SchemaFileSyntaxTests {
    private func write(_ bytes: [UInt8]) throws -> String {
        let folder = TestScratch.path("schema-syntax-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/schema.json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("the place and the reason are named (it was \"not valid JSON\")")
    func placeNamed() throws {
        let cut = try write(Array("{\"name\": \"x\",\n\"stance_labels\": [\"pro\", \"contra\"\n".utf8))
        #expect(throws: SchemaError.invalid(cut + ":3", "not JSON: it ends early (truncated?) at byte 48")) { try AnnotationSchema.load(path: cut) }
        let comma = try write(Array("{\"name\": \"x\",\n\"stance_labels\": [\"pro\" \"contra\"]}\n".utf8))
        let commaError = #expect(throws: SchemaError.self) { try AnnotationSchema.load(path: comma) }
        #expect(commaError?.description.hasPrefix(comma + ":2: not JSON: stopped at column 25") == true, "\(String(describing: commaError))")
        let latin = try write(Array("{\"name\": \"M".utf8) + [0xFC] + Array("ller\"}".utf8))
        #expect(throws: SchemaError.invalid(latin, "invalid UTF-8 at byte offset 11; save the file as UTF-8")) { try AnnotationSchema.load(path: latin) }
        let twoValues = try write(Array("{\"name\": \"x\"}\n{\"name\": \"y\"}\n".utf8))
        let twoError = #expect(throws: SchemaError.self) { try AnnotationSchema.load(path: twoValues) }
        #expect(twoError?.description.contains("import jsonl") == false, "\(String(describing: twoError))")
        #expect(twoError?.description.hasPrefix(twoValues + ":2: not JSON") == true, "\(String(describing: twoError))")
    }
}
