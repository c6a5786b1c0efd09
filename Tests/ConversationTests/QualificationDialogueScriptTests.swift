import Conversation
import Scoring
import Testing

/// Whole dialogues, message by message: what the dialogue asks, hands to the caller, and concludes.
@Suite("Qualification dialogue scripts")
struct QualificationDialogueScriptTests {
    enum Expect: Sendable {
        /// The reply asks for this field.
        case asks(QualificationField)
        /// The message changes the subject: the caller gets this intent, then `resume` asks this field.
        case handsOver(VisitorIntent, thenAsks: QualificationField)
        /// The qualification is finished with this tier.
        case finishes(LeadTier)
    }

    struct Script: Sendable, CustomTestStringConvertible {
        let name: String
        let language: ScoringLocale
        let firstQuestion: QualificationField?
        let turns: [(String, Expect)]
        var testDescription: String { name }
    }

    static let scripts: [Script] = [
        Script(name: "French, every field in turn", language: .french, firstQuestion: .need, turns: [
            ("On voudrait relancer automatiquement nos paniers abandonnés", .asks(.currentTools)),
            ("On est sur Shopfiy avec Klaviyo", .asks(.timeline)),
            ("d'ici 3 mois", .asks(.authority)),
            ("oui c'est moi", .asks(.budget)),
            ("environ 800€ par mois", .finishes(.warm)),
        ]),
        Script(name: "English with typos", language: .english, firstQuestion: .need, turns: [
            ("We need to win back inactive customers", .asks(.currentTools)),
            ("WooComerce and Mailchimp", .asks(.timeline)),
            ("next quater", .asks(.authority)),
            ("yes, I'm the founder", .asks(.budget)),
            ("bugdet is around 2k a month", .finishes(.hot)),
        ]),
        Script(name: "French, the budget refused", language: .french, firstQuestion: .need, turns: [
            ("Je cherche à fidéliser mes clients", .asks(.currentTools)),
            ("Prestashop", .asks(.timeline)),
            ("le mois prochain", .asks(.authority)),
            ("non, c'est mon associé qui valide", .asks(.budget)),
            ("je préfère ne pas dire", .finishes(.cool)),
        ]),
        Script(name: "English, changing subject twice and declining", language: .english, firstQuestion: .need, turns: [
            ("Where is my order #4512?", .handsOver(.orderStatus(orderNumber: "4512"), thenAsks: .need)),
            ("Automating our follow-ups after each purchase", .asks(.currentTools)),
            ("Shopify", .asks(.timeline)),
            ("Is the Lina bag in stock?", .handsOver(.productStock(product: "Lina bag"), thenAsks: .timeline)),
            ("asap", .asks(.authority)),
            ("I'd rather not say", .asks(.budget)),
            ("rather not say, sorry", .finishes(.cool)),
        ]),
        Script(name: "French, a question, a person, a callback", language: .french, firstQuestion: .need, turns: [
            ("Quels sont vos délais de livraison ?", .handsOver(.question("Quels sont vos délais de livraison ?"), thenAsks: .need)),
            ("relancer les clients inactifs", .asks(.currentTools)),
            ("Je voudrais parler à un humain", .handsOver(.person, thenAsks: .currentTools)),
            ("aucun, tout à la main", .asks(.timeline)),
            ("Pouvez-vous me rappeler demain ?", .handsOver(.callback, thenAsks: .authority)),
            ("oui", .asks(.budget)),
            ("500", .finishes(.hot)),
        ]),
        Script(name: "English, no answer twice: the field is skipped", language: .english, firstQuestion: .need, turns: [
            ("hmm", .asks(.need)),
            ("ok", .asks(.currentTools)),
            ("nothing yet", .asks(.timeline)),
            ("not sure yet", .asks(.authority)),
            ("nope, my boss decides", .asks(.budget)),
            ("1000 dollars a year", .finishes(.cold)),
        ]),
        Script(name: "French, everything in the first message", language: .french, firstQuestion: nil, turns: [
            (
                "Fondatrice d'une boutique Shopify, budget 800€/mois, on démarre cette semaine. On veut relancer les paniers abandonnés.",
                .finishes(.hot)
            ),
        ]),
        Script(name: "The visitor switches to English", language: .french, firstQuestion: .need, turns: [
            ("We want to recover abandoned carts", .asks(.currentTools)),
            ("Shopify + Klaviyo", .asks(.timeline)),
            ("dans deux semaines", .asks(.authority)),
            ("c'est moi qui décide", .asks(.budget)),
            ("entre 300 et 500 € par mois", .finishes(.warm)),
        ]),
    ]

    @Test(arguments: scripts)
    func script(_ script: Script) throws {
        let dialogue = QualificationDialogue()
        var state = QualificationState(language: script.language)
        if let first = script.firstQuestion {
            let start = dialogue.start(language: script.language)
            state = start.state
            #expect(start.step.askedField == first)
            #expect(!start.step.reply.isEmpty)
        }
        for (text, expect) in script.turns {
            let (next, step) = dialogue.reply(to: text, in: state)
            state = next
            switch expect {
            case .asks(let field):
                #expect(step.askedField == field, "\(text) → \(step.reply)")
                #expect(step.intent == nil && step.finished == nil, "\(text)")
            case .handsOver(let intent, let field):
                #expect(step.intent == intent, "\(text) → \(String(describing: step.intent))")
                let resumed = dialogue.resume(state)
                state = resumed.state
                #expect(resumed.step.askedField == field, "\(text) → resume: \(resumed.step.reply)")
            case .finishes(let tier):
                let outcome = try #require(step.finished, "\(text) → \(step.reply)")
                #expect(outcome.qualification.tier == tier, "\(outcome.summary)")
                #expect(state.isFinished)
            }
        }
    }
}
