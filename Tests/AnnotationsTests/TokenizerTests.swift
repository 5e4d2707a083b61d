import Testing

@testable import Annotations
import TestSupport

private func tokenize(_ text: String) -> [Token] {
    let scalars = Array(text.unicodeScalars)
    return Tokenizer().tokens(in: scalars, range: 0..<scalars.count)
}

private func texts(_ text: String) -> [String] { tokenize(text).map(\.text) }

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("Words, punctuation and quotes of a news sentence")
    func sentence() {
        let tokens = tokenize("„Wir wissen das genau“, sagte Lawrow.")
        #expect(tokens.map(\.text) == ["„", "Wir", "wissen", "das", "genau", "“", ",", "sagte", "Lawrow", "."])
        #expect(tokens.map(\.kind) == [.quote, .word, .word, .word, .word, .quote, .punctuation, .word, .word, .punctuation])
        #expect(tokens.map(\.index) == Array(0..<10))
        #expect(tokens.map(\.spaceAfter) == [false, true, true, true, false, false, true, true, false, false])
    }

    @Test(
        "Hyphenated compounds and truncated compounds stay whole",
        arguments: [
            ("US-Verteidigungsminister Lloyd Austin", ["US-Verteidigungsminister", "Lloyd", "Austin"]),
            ("dem Selensky-Regime zu helfen", ["dem", "Selensky-Regime", "zu", "helfen"]),
            ("NATO-Verteidigungs- und Geheimdienstdienste", ["NATO-Verteidigungs-", "und", "Geheimdienstdienste"]),
            ("Koreakriegs- und Vietnamkriegsveteranen", ["Koreakriegs-", "und", "Vietnamkriegsveteranen"]),
            ("Ein-, Aus- und Umsteiger", ["Ein-", ",", "Aus-", "und", "Umsteiger"]),
            ("Kim Yong-hyun und Kim Jong-un", ["Kim", "Yong-hyun", "und", "Kim", "Jong-un"]),
            ("COVID-19 und G7-Gipfel", ["COVID-19", "und", "G7-Gipfel"]),
            ("Russland – Ukraine", ["Russland", "–", "Ukraine"]),
            ("Russland - Ukraine", ["Russland", "-", "Ukraine"]),
            ("Alpes-de-Haute-Provence", ["Alpes-de-Haute-Provence"]),
        ])
    func compounds(text: String, expected: [String]) {
        #expect(texts(text) == expected)
    }

    @Test("Apostrophes inside words")
    func apostrophes() {
        #expect(texts("Wie geht's? O’Brien kam.") == ["Wie", "geht's", "?", "O’Brien", "kam", "."])
        #expect(texts("‚Ja‘, sagte er") == ["‚", "Ja", "‘", ",", "sagte", "er"])
        #expect(tokenize("'Nein'").map(\.kind) == [.quote, .word, .quote])
    }

    @Test(
        "Numbers",
        arguments: [
            ("rund 10.000 Soldaten", ["rund", "10.000", "Soldaten"], [Token.Kind.word, .number, .word]),
            ("am 21. Oktober", ["am", "21.", "Oktober"], [.word, .number, .word]),
            ("im 3. Quartal", ["im", "3.", "Quartal"], [.word, .number, .word]),
            ("am 7. Februar, während", ["am", "7.", "Februar", ",", "während"], [.word, .number, .word, .punctuation, .word]),
            ("am 21.10. abends", ["am", "21.10.", "abends"], [.word, .number, .word]),
            ("im Februar 2022 gestärkt.", ["im", "Februar", "2022", "gestärkt", "."], [.word, .word, .number, .word, .punctuation]),
            ("seit 2022. Dann", ["seit", "2022", ".", "Dann"], [.word, .number, .punctuation, .word]),
            ("hat 9 Mal", ["hat", "9", "Mal"], [.word, .number, .word]),
            ("um 15:30 Uhr", ["um", "15:30", "Uhr"], [.word, .number, .word]),
            ("3,5 Prozent", ["3,5", "Prozent"], [.number, .word]),
            ("am 21.10.2024 war", ["am", "21.10.2024", "war"], [.word, .number, .word]),
            ("5G und 90er-Jahre", ["5G", "und", "90er-Jahre"], [.word, .word, .word]),
            ("Platz 3.", ["Platz", "3", "."], [.word, .number, .punctuation]),
            ("1, 2, 3", ["1", ",", "2", ",", "3"], [.number, .punctuation, .number, .punctuation, .number]),
        ])
    func numbers(text: String, expected: [String], kinds: [Token.Kind]) {
        let tokens = tokenize(text)
        #expect(tokens.map(\.text) == expected)
        #expect(tokens.map(\.kind) == kinds)
    }

    @Test("Abbreviations keep their full stop, except at the end of the range")
    func abbreviations() {
        #expect(texts("Anm. d. Red.) sowie") == ["Anm.", "d.", "Red.", ")", "sowie"])
        #expect(texts("(Anm. d. Red.)") == ["(", "Anm.", "d.", "Red", ".", ")"])
        #expect(texts("z. B. Äpfel") == ["z.", "B.", "Äpfel"])
        #expect(texts("z.B. Äpfel") == ["z.B.", "Äpfel"])
        #expect(texts("die U.S. Army") == ["die", "U.S.", "Army"])
        #expect(texts("Dr. Müller und Prof. Meier") == ["Dr.", "Müller", "und", "Prof.", "Meier"])
        #expect(texts("J. D. Vance") == ["J.", "D.", "Vance"])
        #expect(texts("Brot usw.") == ["Brot", "usw", "."])
        #expect(texts("Nr.5") == ["Nr.", "5"])
    }

    @Test("Punctuation marks and omission marks are tokens of their own")
    func punctuation() {
        #expect(texts("Langstreckenrakete (…) Richtung") == ["Langstreckenrakete", "(", "…", ")", "Richtung"])
        #expect(texts("Kursk [...] Es") == ["Kursk", "[", "...", "]", "Es"])
        #expect(texts("Was?! Nein…") == ["Was", "?", "!", "Nein", "…"])
        #expect(texts("«Eskalade»") == ["«", "Eskalade", "»"])
        #expect(tokenize("«Eskalade»").map(\.kind) == [.quote, .word, .quote])
        #expect(texts("mobilisieren? , während") == ["mobilisieren", "?", ",", "während"])
        #expect(texts("würden.unbedingt") == ["würden", ".", "unbedingt"])
        #expect(texts("haben.Desinformation»") == ["haben", ".", "Desinformation", "»"])
        #expect(texts("Sicherheitsrat | Krieg") == ["Sicherheitsrat", "|", "Krieg"])
        #expect(tokenize("5 % und 3 €").map(\.kind) == [.number, .punctuation, .word, .number, .symbol])
    }

    @Test("Every quote mark is its own quote token", arguments: ["„", "“", "”", "«", "»", "‹", "›", "\"", "'", "‚", "‘", "’"])
    func quotes(mark: String) {
        let tokens = tokenize("\(mark)\(mark)Wort\(mark)")
        #expect(tokens.map(\.text) == [mark, mark, "Wort", mark])
        #expect(tokens.map(\.kind) == [.quote, .quote, .word, .quote])
    }

    @Test("URLs, domains and e-mail addresses are one token")
    func urls() {
        #expect(
            texts("Quelle: https://thanhnien.vn/nga-noi-gi-185241021162851749.htm")
                == ["Quelle", ":", "https://thanhnien.vn/nga-noi-gi-185241021162851749.htm"])
        #expect(texts("(siehe www.tagesschau.de/inland.)") == ["(", "siehe", "www.tagesschau.de/inland", ".", ")"])
        #expect(texts("auf https://de.wikipedia.org/wiki/Kursk_(Stadt), dort") == ["auf", "https://de.wikipedia.org/wiki/Kursk_(Stadt)", ",", "dort"])
        #expect(texts("auf tagesschau.de und news.bbc.co.uk.") == ["auf", "tagesschau.de", "und", "news.bbc.co.uk", "."])
        #expect(texts("an max.muster@example.de.") == ["an", "max.muster@example.de", "."])
        #expect(tokenize("https://x.de/a").first?.kind == .word)
    }

    @Test("Emoji, flags and ZWJ sequences are one symbol token")
    func emoji() {
        #expect(texts("🇪🇺 NATO") == ["🇪🇺", "NATO"])
        #expect(tokenize("🇪🇺🇺🇦").map(\.text) == ["🇪🇺", "🇺🇦"])
        #expect(texts("Familie 👨‍👩‍👧 da") == ["Familie", "👨‍👩‍👧", "da"])
        #expect(texts("Daumen 👍🏽!") == ["Daumen", "👍🏽", "!"])
        #expect(texts("❤️Liebe") == ["❤️", "Liebe"])
        #expect(texts("🏳️‍🌈") == ["🏳️‍🌈"])
        #expect(tokenize("🇪🇺").first?.kind == .symbol)
    }

    @Test("Combining marks are never split from their base")
    func combiningMarks() {
        let text = "mu\u{0308}sse „\u{0301}x“ .\u{0323} Cafe\u{0301}-Besitzer"
        let tokens = tokenize(text)
        #expect(tokens.map(\.text) == ["mu\u{0308}sse", "„\u{0301}", "x", "“", ".\u{0323}", "Cafe\u{0301}-Besitzer"])
        let boundaries = Set(text.indices.map { $0.samePosition(in: text.unicodeScalars)! }).map {
            text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0)
        }
        let allowed = Set(boundaries + [text.unicodeScalars.count])
        for token in tokens {
            #expect(allowed.contains(token.start) && allowed.contains(token.end), "\(token.text) splits a grapheme cluster")
        }
    }

    @Test("spaceAfter is true exactly when whitespace follows")
    func spaceAfter() {
        let text = "Er sagte:\u{A0}„Ja“ \tund\nging."
        let scalars = Array(text.unicodeScalars)
        let tokens = tokenize(text)
        #expect(tokens.map(\.text) == ["Er", "sagte", ":", "„", "Ja", "“", "und", "ging", "."])
        for token in tokens {
            let followedBySpace = token.end < scalars.count && scalars[token.end].properties.isWhitespace
            #expect(token.spaceAfter == followedBySpace, "\(token.text)")
        }
        // at the end of a sentence range, whitespace after the range still counts
        let inner = Tokenizer().tokens(in: scalars, range: 0..<2)
        #expect(inner.map(\.text) == ["Er"])
        #expect(inner.first?.spaceAfter == true)
    }

    @Test("Offsets are scalar offsets into the whole array; ranges are clamped")
    func offsets() {
        let text = "🇪🇺 Die Grünen. „Ja“"
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer().tokens(in: scalars, range: 3..<scalars.count)
        #expect(tokens.first?.text == "Die")
        #expect(tokens.first?.start == 3)
        for token in tokens {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[token.start..<token.end])
            #expect(String(view) == token.text)
        }
        #expect(Tokenizer().tokens(in: scalars, range: 0..<1000).count == 7)
        #expect(Tokenizer().tokens(in: scalars, range: 30..<40).isEmpty)
        #expect(Tokenizer().tokens(in: [], range: 0..<0).isEmpty)
    }

    @Test("Tokens cover every non-whitespace scalar of random text exactly once")
    func randomCoverage() {
        let alphabet: [String] = [
            "a", "Ü", "ß", "1", "0", " ", "\n", ".", ",", ":", "-", "'", "’", "„", "“", "«", "(", ")", "…", "@",
            "🇪🇺", "👍🏽", "\u{200D}", "\u{0308}", "\u{FE0F}", "€", "https://", "www.", "z.B.", "Dr.", "/", "\u{A0}",
        ]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<400 {
            let length = Int(generator.next() % 40)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            let scalars = Array(text.unicodeScalars)
            let tokens = Tokenizer().tokens(in: scalars, range: 0..<scalars.count)
            var next = 0
            for token in tokens {
                #expect(token.start >= next && token.start < token.end)
                for index in next..<token.start { #expect(scalars[index].properties.isWhitespace, "\(text.debugDescription)") }
                #expect(!scalars[token.start].properties.isWhitespace)
                next = token.end
            }
            for index in next..<scalars.count { #expect(scalars[index].properties.isWhitespace) }
        }
    }

    @Test("Tokens and spaceAfter rebuild each sentence")
    func seeds() throws {
        let segmenter = SentenceSegmenter()
        let text = "Die USA und Südkorea (ROK) forderten am 21. Oktober z. B. 10.000 Soldaten… „Eskalation!“"
        let scalars = Array(text.unicodeScalars)
        for range in segmenter.sentenceRanges(in: text) {
            let tokens = Tokenizer().tokens(in: scalars, range: range)
            let rebuilt = tokens.map { $0.text + ($0.spaceAfter && $0.end < range.upperBound ? " " : "") }.joined()
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            #expect(rebuilt == String(view))
        }
    }
}
