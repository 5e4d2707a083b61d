import Foundation
import Testing
@testable import Annotations

/// The formats with a file per document (brat, WebAnno) keep their files byte for byte while their
/// writers are made faster, as ``ExportTokenFormatsDigestTests`` keeps the token formats': each
/// file's path, size and FNV-1a digest on the same three bundles (the two-session fixture, the
/// hostile fixture, and the fixture with an empty and a whitespace-only document between its two).
@Suite("Formats with a file per document kept byte for byte")
struct ExportFileFormatsDigestTests {
    /// Written by the writers of `main` at stop 52's start (`7e4fe53`).
    /// Stop 55: the `webanno` files (`conllu` and `iob` in ExportTokenFormatsDigestTests) changed only
    /// where the fixtures hold a control character (BEL in `plain`, NUL in the hostile fixture), now
    /// written as its Control Picture (`␇`, `␀`: ``ExportControlCharacters``); with those mapped back
    /// to the controls, every file gives the digest written before.
    /// Stop 56: the hostile fixture's brat `N` lines, `speakers.tsv` and `notes.tsv` changed where a
    /// speaker name or a note holds NUL, now shown as `␀` (``ExportText/shownLine(_:)``), and
    /// `notes.tsv` gives that note its `exact` column; the `T` lines and `.txt` files are as before.
    static let expected: [String: [String]] = [
        "brat": [
            "fixture anna/tricky.txt 271 e9b0e46cafbc868d",
            "fixture anna/tricky.ann 1634 c5bfadc126a0ac3f",
            "fixture anna/plain.txt 55 6d9e19e9c5711a45",
            "fixture anna/plain.ann 276 5c84b1ebd0ad3337",
            "fixture anna/annotation.conf 496 ab5ef7975e1eb149",
            "fixture anna/visual.conf 495 61ad071895973d3f",
            "fixture anna/speakers.tsv 196 4faa30182e8143e1",
            "fixture anna/targets.tsv 121 d011904e3cdeb9ec",
            "fixture anna/stances.tsv 329 6e452ff009233b53",
            "fixture anna/notes.tsv 199 fbaad6326eb52bc9",
            "fixture bob/tricky.txt 271 e9b0e46cafbc868d",
            "fixture bob/tricky.ann 415 785a29b595a19be7",
            "fixture bob/plain.txt 55 6d9e19e9c5711a45",
            "fixture bob/plain.ann 0 cbf29ce484222325",
            "fixture bob/annotation.conf 438 74d04869fbe3d831",
            "fixture bob/visual.conf 495 61ad071895973d3f",
            "fixture bob/speakers.tsv 69 e9bf2d15172dbd3e",
            "fixture bob/targets.tsv 30 4b8fd5c9c398e026",
            "fixture bob/stances.tsv 80 c095ea06b6e43432",
            "fixture bob/notes.tsv 55 32c0bb3fb526a213",
            "hostile anna%E2%80%AEgnal%E2%81%A7/a%3C%2Fscript%3E%22'%3C!--%E2%80%AEgnal%E2%81%A7.txt 195 b72edf496276ff97",
            "hostile anna%E2%80%AEgnal%E2%81%A7/a%3C%2Fscript%3E%22'%3C!--%E2%80%AEgnal%E2%81%A7.ann 1547 7913df3028987362",
            "hostile anna%E2%80%AEgnal%E2%81%A7/javascript%3Aalert(5).txt 76 7c0b1d0cef8209fd",
            "hostile anna%E2%80%AEgnal%E2%81%A7/javascript%3Aalert(5).ann 429 eaf80b19b57604e4",
            "hostile anna%E2%80%AEgnal%E2%81%A7/annotation.conf 665 f280c0cfa8f8fda8",
            "hostile anna%E2%80%AEgnal%E2%81%A7/visual.conf 495 61ad071895973d3f",
            "hostile anna%E2%80%AEgnal%E2%81%A7/speakers.tsv 471 da3003ae6518d6cb",
            "hostile anna%E2%80%AEgnal%E2%81%A7/targets.tsv 185 eff1ca6a4ff52f87",
            "hostile anna%E2%80%AEgnal%E2%81%A7/stances.tsv 401 77a1241d961209e4",
            "hostile anna%E2%80%AEgnal%E2%81%A7/notes.tsv 869 3f16e22e92652979",
            "empty anna/tricky.txt 271 e9b0e46cafbc868d",
            "empty anna/tricky.ann 1634 c5bfadc126a0ac3f",
            "empty anna/blank.txt 6 419f1ea9b064992e",
            "empty anna/blank.ann 0 cbf29ce484222325",
            "empty anna/plain.txt 55 6d9e19e9c5711a45",
            "empty anna/plain.ann 276 5c84b1ebd0ad3337",
            "empty anna/annotation.conf 496 ab5ef7975e1eb149",
            "empty anna/visual.conf 495 61ad071895973d3f",
            "empty anna/speakers.tsv 196 4faa30182e8143e1",
            "empty anna/targets.tsv 121 d011904e3cdeb9ec",
            "empty anna/stances.tsv 329 6e452ff009233b53",
            "empty anna/notes.tsv 199 fbaad6326eb52bc9",
            "empty bob/tricky.txt 271 e9b0e46cafbc868d",
            "empty bob/tricky.ann 415 785a29b595a19be7",
            "empty bob/blank.txt 6 419f1ea9b064992e",
            "empty bob/blank.ann 0 cbf29ce484222325",
            "empty bob/plain.txt 55 6d9e19e9c5711a45",
            "empty bob/plain.ann 0 cbf29ce484222325",
            "empty bob/annotation.conf 438 74d04869fbe3d831",
            "empty bob/visual.conf 495 61ad071895973d3f",
            "empty bob/speakers.tsv 69 e9bf2d15172dbd3e",
            "empty bob/targets.tsv 30 4b8fd5c9c398e026",
            "empty bob/stances.tsv 80 c095ea06b6e43432",
            "empty bob/notes.tsv 55 32c0bb3fb526a213",
        ],
        "webanno": [
            "fixture anna/tricky.tsv 3023 dd3de99c828c969d",
            "fixture anna/plain.tsv 657 7eece9a1de214bef",
            "fixture bob/tricky.tsv 2361 1a9b8321a9475340",
            "fixture bob/plain.tsv 544 2f3647dfca015c12",
            "hostile anna%E2%80%AEgnal%E2%81%A7/a%3C%2Fscript%3E%22'%3C!--%E2%80%AEgnal%E2%81%A7.tsv 3000 79b18c88ec7b4548",
            "hostile anna%E2%80%AEgnal%E2%81%A7/javascript%3Aalert(5).tsv 767 cb4e60686d200149",
            "empty anna/tricky.tsv 3023 dd3de99c828c969d",
            "empty anna/empty.tsv 155 8df8195ac47d1cab",
            "empty anna/blank.tsv 155 8df8195ac47d1cab",
            "empty anna/plain.tsv 657 7eece9a1de214bef",
            "empty bob/tricky.tsv 2361 1a9b8321a9475340",
            "empty bob/empty.tsv 155 8df8195ac47d1cab",
            "empty bob/blank.tsv 155 8df8195ac47d1cab",
            "empty bob/plain.tsv 544 2f3647dfca015c12",
        ],
    ]

    @Test("brat and webanno write the same bytes as before", arguments: [ExportFormat.brat, .webanno])
    func sameBytes(format: ExportFormat) throws {
        let written = [
            ("fixture", try ExportFixture.bundle()), ("hostile", try HostileExportFixture.bundle()),
            ("empty", try ExportTokenFormatsDigestTests.withEmptyDocuments()),
        ].flatMap { name, bundle in ExportTokenFormatsDigestTests.files(format, bundle).map { "\(name) \($0)" } }
        #expect(written == Self.expected[format.rawValue] ?? [])
    }
}
