@testable import Annotations
import Testing

@Suite struct SpeakerPhraseTests {
    @Test func officeWithGenitiveAttributeBeforeTheName() {
        let phrase = SpeakerPhrase("der Chef des Verwaltungsrats Ulrich Müller")
        #expect(phrase.name == "Ulrich Müller")
        #expect(phrase.role == "Chef des Verwaltungsrats")
        #expect(phrase.kind == .person)
    }

    @Test func adjectiveOfficeNameAndBracketedParty() {
        let phrase = SpeakerPhrase("Der rheinland-pfälzische Ministerpräsident Kurt Beck (SPD)")
        #expect(phrase.name == "Kurt Beck")
        #expect(phrase.role == "rheinland-pfälzischer Ministerpräsident")
        #expect(phrase.party == "SPD")
        #expect(phrase.kind == .person)
    }

    @Test func institutionKeepsItsAdjectiveInTheNominative() {
        for text in ["das isländische Fischereiministerium", "Das isländische Fischereiministerium", "des isländischen Fischereiministeriums"] {
            let phrase = SpeakerPhrase(text)
            #expect(phrase.name == nil, "\(text)")
            #expect(phrase.canonicalName == "isländisches Fischereiministerium", "\(text)")
            #expect(phrase.kind == .institution, "\(text)")
            #expect(phrase.head == "fischereiministerium", "\(text)")
        }
    }

    @Test func inflectedOfficesBecomeNominative() {
        #expect(SpeakerPhrase("des Ministerpräsidenten Kurt Beck").role == "Ministerpräsident")
        #expect(SpeakerPhrase("japanischen Verteidigungsministers").canonicalName == "japanischer Verteidigungsminister")
        #expect(SpeakerPhrase("die Präsidentin der EU-Kommission Ursula von der Leyen").name == "Ursula von der Leyen")
        #expect(SpeakerPhrase("die Präsidentin der EU-Kommission Ursula von der Leyen").role == "Präsidentin der EU-Kommission")
        #expect(SpeakerPhrase("der südkoreanischen Präsidentin").canonicalName == "südkoreanische Präsidentin")
        #expect(SpeakerPhrase("stellvertretende amerikanische UN-Botschafter").role == "stellvertretender amerikanischer UN-Botschafter")
    }

    @Test func appositionAfterAComma() {
        let after = SpeakerPhrase("Ulrich Müller, Chef des Verwaltungsrats")
        #expect(after.name == "Ulrich Müller")
        #expect(after.role == "Chef des Verwaltungsrats")
        let before = SpeakerPhrase("der Chef des Verwaltungsrats, Ulrich Müller")
        #expect(before.name == "Ulrich Müller")
        #expect(before.role == "Chef des Verwaltungsrats")
    }

    @Test func titlesHonorificsAndParticles() {
        #expect(SpeakerPhrase("US-Verteidigungsminister Lloyd Austin").name == "Lloyd Austin")
        #expect(SpeakerPhrase("US-Verteidigungsminister Lloyd Austin").role == "US-Verteidigungsminister")
        #expect(SpeakerPhrase("Herr Austin").name == "Austin")
        #expect(SpeakerPhrase("Herr Austin").role == nil)
        #expect(SpeakerPhrase("Nicolas de Rivière").name == "Nicolas de Rivière")
        #expect(SpeakerPhrase("Kim Yong-hyun").name == "Kim Yong-hyun")
        #expect(SpeakerPhrase("UN-Untergeneralsekretär für Europa Miroslav Jenca").name == "Miroslav Jenca")
        #expect(SpeakerPhrase("UN-Untergeneralsekretär für Europa Miroslav Jenca").role == "UN-Untergeneralsekretär für Europa")
    }

    @Test func kindsAreGuessed() {
        #expect(SpeakerPhrase("Südkorea").kind == .place)
        #expect(SpeakerPhrase("Washingtons").kind == .place)
        #expect(SpeakerPhrase("Seouls").name == "Seoul")
        #expect(SpeakerPhrase("Ruttes").name == "Ruttes", "an unknown name keeps its -s; the resolver folds genitives")
        #expect(SpeakerPhrase("die Vereinigten Staaten").kind == .place)
        #expect(SpeakerPhrase("Pentagon").kind == .institution)
        #expect(SpeakerPhrase("die Deutsche Bank").kind == .organisation)
        #expect(SpeakerPhrase("die südkoreanische Armee").canonicalName == "südkoreanische Armee")
        #expect(SpeakerPhrase("die südkoreanische Armee").kind == .institution)
        #expect(SpeakerPhrase("ein Sprecher").kind == .anonymous)
        #expect(SpeakerPhrase("ein Sprecher des Ministeriums").canonicalName == "Sprecher des Ministeriums")
        #expect(SpeakerPhrase("Beobachter").kind == .anonymous)
        #expect(SpeakerPhrase("Kurt Beck").kind == .person)
    }

    @Test func kindLabelsFollowTheSchema() {
        let kinds = ["person", "organisation", "institution", "anonymous"]
        #expect(SpeakerPhrase.Kind.place.label(among: kinds) == "institution")
        #expect(SpeakerPhrase.Kind.place.label(among: kinds + ["place"]) == "place")
        #expect(SpeakerPhrase.Kind.anonymous.label(among: ["person", "organisation"]) == "person")
    }

    @Test func pronounsArticlesAndCommonNounsAreNotNames() {
        for text in ["Er", "er", "sie", "Die", "eigenen Angaben", "Angaben", "der Minister", "Russlands UN-Botschafter"] {
            #expect(!SpeakerPhrase(text).isNameLike, "\(text)")
        }
        #expect(SpeakerPhrase("Er").isPronoun)
        #expect(SpeakerPhrase("Russlands UN-Botschafter").role == "Russlands UN-Botschafter")
        for text in ["Nebenzia", "Washington", "Mark Rutte", "Kim Yong-hyun"] {
            #expect(SpeakerPhrase(text).isNameLike, "\(text)")
        }
    }

    @Test func umlautsAndTypographicQuotes() {
        let phrase = SpeakerPhrase("„Außenministerin Annalena Baerbock“")
        #expect(phrase.name == "Annalena Baerbock")
        #expect(phrase.role == "Außenministerin")
    }
}
