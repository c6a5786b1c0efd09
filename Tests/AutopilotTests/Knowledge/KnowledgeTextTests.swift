import Engine
import Testing

@Suite("Knowledge base — text and passages")
struct KnowledgeTextTests {
    @Test func foldingIgnoresCaseAccentsAndLigatures() {
        #expect(KnowledgeText.fold("Délais d'EXPÉDITION") == "delais d'expedition")
        #expect(KnowledgeText.fold("Cœur Straße") == "coeur strasse")
    }

    @Test(arguments: [
        ("Quels sont les délais de livraison ?", ["delais", "livraison"]),
        ("How long does delivery take?", ["long", "delivery", "take"]),
        ("retour retour RETOURS", ["retour", "retours"]),
        ("où ?", ["ou"]),
        ("Is it?", ["is", "it"]),
        ("colis n°42", ["colis", "42"]),
    ])
    func searchTermsLeaveCommonWordsOut(query: String, terms: [String]) {
        #expect(KnowledgeText.searchTerms(query) == terms)
    }

    @Test func theLanguageIsGuessedFromCommonWords() {
        #expect(KnowledgeText.guessLanguage("Nous expédions vos commandes sous 48 heures, et la livraison est offerte dès 50 €.") == "fr")
        #expect(KnowledgeText.guessLanguage("We ship your orders within 48 hours and delivery is free from €50.") == "en")
    }

    @Test func aShortDocumentIsOnePassage() {
        #expect(PassageChunker().passages(of: "  Returns are free for 30 days.  \n") == ["Returns are free for 30 days."])
        #expect(PassageChunker().passages(of: " \n\n ").isEmpty)
    }

    @Test func questionsStayWithTheirAnswers() {
        let faq = (1...12).map { "Question \($0) about shipping and returns?\n\n" + String(repeating: "Answer \($0) in some detail. ", count: 8) }
            .joined(separator: "\n\n")
        let passages = PassageChunker(target: 400, maximum: 800).passages(of: faq)
        #expect(passages.count > 1)
        for passage in passages {
            #expect(passage.hasPrefix("Question"), "a passage starts with its question")
            #expect(!passage.hasSuffix("?"), "no question is left without its answer")
            #expect(passage.count <= 800)
        }
        #expect(passages.joined(separator: "\n\n").filter { !$0.isWhitespace } == faq.filter { !$0.isWhitespace }, "nothing is lost")
    }

    @Test func aLongParagraphIsCutBetweenSentencesAndALongWordBetweenLetters() {
        let paragraph = (1...80).map { "Sentence number \($0) says something." }.joined(separator: " ")
        let passages = PassageChunker(target: 300, maximum: 500).passages(of: paragraph)
        #expect(passages.count >= 6 && passages.allSatisfy { $0.count <= 500 })
        #expect(passages.allSatisfy { $0.hasPrefix("Sentence") && $0.hasSuffix(".") })
        let word = String(repeating: "x", count: 1_300)
        #expect(PassageChunker(target: 300, maximum: 500).passages(of: word).map(\.count) == [500, 500, 300])
    }
}
