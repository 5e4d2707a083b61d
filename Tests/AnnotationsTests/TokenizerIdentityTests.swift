import Testing

@testable import Annotations

/// Pins every token of hard text (umlauts, „“ «» ‹›, emoji with ZWJ and skin tones, combining
/// marks, URLs, e-mail addresses, numbers, ordinals, abbreviations, C0/C1 controls, bidi marks,
/// other scripts) as the tokenizer cut it before its scalar classes became table look-ups: tokens
/// are the unit of session offsets, exports and suggestions, so a faster tokenizer must cut the same.
@Suite("Tokenizer identity")
struct TokenizerIdentityTests {
    /// The fixture (NFC), one sentence or more a line.
    static let text =
        "Der \u{201E}Bundeskanzler\u{201C} sagte: \u{AB}Wir schaffen das.\u{BB} Die \u{C4}rztin M\u{FC}ller-L\u{FC}denscheidt \u{E4}u\u{DF}erte sich \u{2039}kurz\u{203A}.\u{A}"
        + "Am 3. Oktober 2022 kostete es 1.000,50 \u{20AC} bzw. 3,5 % mehr, z.B. um 15:30 Uhr am 21.10. und am 21.10.2024.\u{A}"
        + "Dr. J. Smith, Prof. Dr. med. Wei\u{DF} u. a. schrieben an info@tagesschau.de und https://www.example.com/a_(b)?x=1.\u{A}"
        + "Siehe www.bundestag.de, news.bbc.co.uk, U.S. und i.d.R. sowie Anm. d. Red. \u{2013} oder ... (\u{2026}) \u{201E}Zitat\u{201C}.\u{A}"
        + "Emoji: \u{1F44D}\u{1F3FD} \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466} \u{1F1EA}\u{1F1FA} \u{1F3F3}\u{FE0F}\u{200D}\u{1F308} \u{2764}\u{FE0F} 1\u{FE0F}\u{20E3} \u{E9} \u{C4} caf\u{E9}s Zwi\u{AD}schen wo\u{200C}rt.\u{A}"
        + "Controls: a\u{1}b c\u{85}d e\u{9F}f g\u{200E}h \u{200F}i\u{202A}j\u{202C}k \u{2066}l\u{2069} m\u{A0}n o\u{2003}p q\u{3000}r.\u{A}"
        + "NATO-Verteidigungs- und Ein-, Aus- und (Vor-)Verkauf; geht's O\u{2019}Brien 5G 90er 3D-Drucker 9-j\u{E4}hrige COVID-19.\u{A}"
        + "Kim Yong-hyun, \u{395}\u{3BB}\u{3BB}\u{3B7}\u{3BD}\u{3B9}\u{3BA}\u{3AC} \u{420}\u{443}\u{441}\u{441}\u{43A}\u{438}\u{439} \u{4E2D}\u{6587}\u{5B57} \u{627}\u{644}\u{639}\u{631}\u{628}\u{64A}\u{629} \u{5E2}\u{5D1}\u{5E8}\u{5D9}\u{5EA} \u{939}\u{93F}\u{928}\u{94D}\u{926}\u{940} \u{FB01} \u{1E9E} \u{DF} \u{1C5} \u{1D518}\u{1D52B}\u{1D526} \u{201A}einfach\u{2018} 'x' \"y\" \u{2039}z\u{203A}.\u{A}"
        + "Tab\u{9}here\u{A}"
        + "CRLF line\u{A}"
        + "CR \u{A1}Hola! \u{BF}Qu\u{E9}? 2\u{B2} \u{BD} \u{663} \u{96A} \u{2460} \u{2177} 1.2.3. 10.000. 2022. im 3. Quartal.\u{A}"
        + "Mehr: foo@bar a@b.c x@y.de. (https://de.wikipedia.org/wiki/Foo_(Bar)). ftp://x.y/z, HTTP://A.B.\u{A}"
        + "Marken: q\u{307} x\u{327}\u{301} St\u{F6}\u{301}rung \u{201E}q\u{307}\u{201C} 5\u{301} -\u{301} \u{2026}\u{301}.\u{A}"

    /// Each sentence's scalar range in ``text`` and its tokens as `start-end` (offsets into
    /// ``text``), a kind letter (w word, n number, q quote, p punctuation, s symbol) and `_` when
    /// whitespace follows.
    static let sentences: [(start: Int, end: Int, tokens: String)] = [
        (0, 46, "0-3w_ 4-5q 5-18w 18-19q_ 20-25w 25-26p_ 27-28q 28-31w_ 32-40w_ 41-44w 44-45p 45-46q_"),
        (47, 98, "47-50w_ 51-57w_ 58-77w_ 78-85w_ 86-90w_ 91-92q 92-96w 96-97q 97-98p_"),
        (99, 203, "99-101w_ 102-104n_ 105-112w_ 113-117n_ 118-125w_ 126-128w_ 129-137n_ 138-139s_ 140-144w_ 145-148n_ 149-150p_ 151-155w 155-156p_ 157-161w_ 162-164w_ 165-170n_ 171-174w_ 175-177w_ 178-184n_ 185-188w_ 189-191w_ 192-202n 202-203p_"),
        (204, 232, "204-207w_ 208-210w_ 211-216w 216-217p_ 218-223w_ 224-227w_ 228-231w 231-232p_"),
        (233, 314, "233-237w_ 238-240w_ 241-243w_ 244-253w_ 254-256w_ 257-275w_ 276-279w_ 280-313w 313-314p_"),
        (315, 400, "315-320w_ 321-337w 337-338p_ 339-353w 353-354p_ 355-359w_ 360-363w_ 364-370w_ 371-376w_ 377-381w_ 382-384w_ 385-389w_ 390-391p_ 392-396w_ 397-400p_"),
        (401, 413, "401-402p 402-403p 403-404p_ 405-406q 406-411w 411-412q 412-413p_"),
        (414, 473, "414-419w 419-420p_ 421-423s_ 424-431s_ 432-434s_ 435-439s_ 440-442s_ 443-446n_ 447-448w_ 449-450w_ 451-456w_ 457-466w_ 467-472w 472-473p_"),
        (474, 489, "474-482w 482-483p_ 484-485w 485-486s 486-487w_ 488-489w_"),
        (490, 523, "490-491w_ 492-493w 493-494s 494-495w_ 496-497w 497-498s 498-499w_ 500-501s 501-502w 502-503s 503-504w 504-505s 505-506w_ 507-508s 508-509w 509-510s_ 511-512w_ 513-514w_ 515-516w_ 517-518w_ 519-520w_ 521-522w 522-523p_"),
        (524, 631, "524-543w_ 544-547w_ 548-552w 552-553p_ 554-558w_ 559-562w_ 563-564p 564-568w 568-569p 569-576w 576-577p_ 578-584w_ 585-592w_ 593-595w_ 596-600w_ 601-611w_ 612-621w_ 622-630w 630-631p_"),
        (632, 723, "632-635w_ 636-645w 645-646p_ 647-655w_ 656-663w_ 664-667w_ 668-675w_ 676-681w_ 682-688w_ 689-690w_ 691-692w_ 693-694w_ 695-696w_ 697-700w_ 701-702q 702-709w 709-710q_ 711-712q 712-713w 713-714q_ 715-716q 716-717w 717-718q_ 719-720q 720-721w 721-722q 722-723p_"),
        (724, 732, "724-727w_ 728-732w_"),
        (733, 742, "733-737w_ 738-742w_"),
        (743, 758, "743-745w_ 746-747p 747-751w 751-752p_ 753-754p 754-757w 757-758p_"),
        (759, 786, "759-760n 760-761s_ 762-763s_ 764-765s_ 766-767s_ 768-769s_ 770-771s_ 772-777n 777-778p_ 779-785n 785-786p_"),
        (787, 807, "787-791n 791-792p_ 793-795w_ 796-798n_ 799-806w 806-807p_"),
        (808, 903, "808-812w 812-813p_ 814-817w 817-818p 818-821w_ 822-827w_ 828-834w 834-835p_ 836-837p 837-876w 876-877p 877-878p_ 879-890w 890-891p_ 892-902w 902-903p_"),
        (904, 942, "904-910w 910-911p_ 912-914w_ 915-918w_ 919-927w_ 928-929q 929-931w 931-932q_ 933-935n_ 936-938p_ 939-941p 941-942p_"),
    ]

    static func describe(_ tokens: [Token]) -> String {
        let letters: [Token.Kind: String] = [.word: "w", .number: "n", .quote: "q", .punctuation: "p", .symbol: "s"]
        return tokens.map { "\($0.start)-\($0.end)\(letters[$0.kind] ?? "?")\($0.spaceAfter ? "_" : "")" }
            .joined(separator: " ")
    }

    @Test("Hard text keeps every token: offsets, kinds, space after")
    func hardTextTokens() {
        let scalars = Array(Self.text.unicodeScalars)
        #expect(scalars.count == 943)
        for sentence in Self.sentences {
            let tokens = Tokenizer().tokens(in: scalars, range: sentence.start..<sentence.end)
            #expect(Self.describe(tokens) == sentence.tokens)
            for (index, token) in tokens.enumerated() {
                #expect(token.index == index)
                #expect(token.text == String(String.UnicodeScalarView(scalars[token.start..<token.end])))
            }
        }
    }

    /// ``TokenScalarClasses/tableRuns`` as the definitions make them today, written as its literal.
    static func runsFromDefinitions() -> String {
        var runs: [(count: Int, classes: UInt8)] = []
        for value in 0..<UInt32(TokenScalarClasses.tableCount) {
            let classes = Unicode.Scalar(value).map { TokenScalarClasses.classes(of: $0) } ?? 0
            if let last = runs.last, last.classes == classes { runs[runs.count - 1].count += 1 } else { runs.append((1, classes)) }
        }
        var lines: [String] = []
        var line = "       "
        for run in runs {
            let item = " \(run.count), \(run.classes),"
            if line.count + item.count > 120 {
                lines.append(line)
                line = "       "
            }
            line += item
        }
        return (lines + [line]).joined(separator: "\n")
    }

    @Test("The scalar class table answers what the definitions answer, for every scalar it covers")
    func classTableMatchesDefinitions() {
        let table = TokenScalarClasses.table
        #expect(table.count == TokenScalarClasses.tableCount)
        var mismatches: [UInt32] = []
        for value in 0..<UInt32(TokenScalarClasses.tableCount) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if table[Int(value)] != TokenScalarClasses.classes(of: scalar) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "the stored runs differ from the definitions; paste these into TokenScalarClasses+Table.swift:\n\(Self.runsFromDefinitions())")
        let space = TokenScalarClasses.space
        #expect(table[0x20] & space != 0 && table[0xA0] & space != 0 && table[0x2003] & space != 0)
        #expect(table[0xE4] & TokenScalarClasses.letter != 0 && table[0x301] & TokenScalarClasses.mark != 0)
        #expect(table[0x201E] & TokenScalarClasses.quote != 0 && table[0x2013] & TokenScalarClasses.punctuation != 0)
    }
}
