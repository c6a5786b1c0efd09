import AutopilotCore
import Conversation
import Scoring
import Testing

@Suite("Assistant intent reader")
struct AssistantIntentReaderTests {
    static func draft(_ goal: DraftGoal, _ audience: DraftAudience?, _ channel: Channel = .email) -> AssistantIntent {
        .createTemplateDraft(purpose: DraftPurpose(goal: goal, audience: audience), channel: channel)
    }

    static let unsupported = "unsupported"

    static let french: [(String, AssistantIntent)] = [
        ("MAX, crée-moi un email de relance pour les leads froids", draft(.followUp, .coldLeads)),
        ("Rédige un SMS de bienvenue pour les nouveaux clients", draft(.welcome, .newCustomers, .sms)),
        ("écris un message WhatsApp pour les paniers abandonnés", draft(.abandonedCart, nil, .whatsapp)),
        ("prépare-moi un mail de reconquête pour les clients inactifs", draft(.winBack, .inactiveCustomers)),
        ("Max, redige un email d'anniversaire", draft(.birthday, nil)),
        ("crée un modèle de demande d'avis pour les clients", draft(.reviewRequest, .customers)),
        ("genere une campagne promo pour les clients VIP", draft(.promotion, .vipCustomers)),
        ("Qui dois-je relancer aujourd'hui ?", .followUpsToday),
        ("MAX, qui relancer ?", .followUpsToday),
        ("Quelles sont les recommandations du jour ?", .followUpsToday),
        ("Fais-moi le résumé de Marie Dupont", .contactSummary(.name("Marie Dupont"))),
        ("résumé du client paul.martin@exemple.fr", .contactSummary(.email("paul.martin@exemple.fr"))),
        ("Qui est Julien Morel ?", .contactSummary(.name("Julien Morel"))),
        ("Parle-moi de la cliente Sophie Bernard", .contactSummary(.name("Sophie Bernard"))),
        ("Que sait-on de claire@boutique.fr ?", .contactSummary(.email("claire@boutique.fr"))),
        ("Où en est la commande 1042 ?", .orderStatus(orderNumber: "1042")),
        ("statut de la commande #A-2291", .orderStatus(orderNumber: "A-2291")),
        ("Statut de la comande 5531", .orderStatus(orderNumber: "5531")),
        ("Quels sont les chiffres du flow panier abandonné ?", .flowFigures(flowID: "abandoned-cart")),
        ("stats du scénario de reconquête", .flowFigures(flowID: "win-back")),
        ("Comment marche le flow anniversaire ?", .flowFigures(flowID: "birthday")),
        ("résultats des parrainages", .flowFigures(flowID: "referral")),
        ("chiffres de mes flows", .flowFigures(flowID: nil)),
        ("Le rapport hebdo stp", .weeklyReport),
        ("Fais-moi le bilan de la semaine", .weeklyReport),
        ("MAX, envoie le rapport de la semaine dernière", .weeklyReport),
        ("Traduis mon site en allemand", .unsupported(reason: unsupported)),
        ("Change le prix du produit X", .unsupported(reason: unsupported)),
        ("Quelle heure est-il ?", .unsupported(reason: unsupported)),
    ]

    static let english: [(String, AssistantIntent)] = [
        ("MAX, write a follow-up email for cold leads", draft(.followUp, .coldLeads)),
        ("Draft an SMS for abandoned carts", draft(.abandonedCart, nil, .sms)),
        ("create a welcome email for new customers", draft(.welcome, .newCustomers)),
        ("Compose a win-back message for inactive customers", draft(.winBack, .inactiveCustomers)),
        ("write a WhatsApp reminder for warm leads", draft(.followUp, .warmLeads, .whatsapp)),
        ("make me a review request email", draft(.reviewRequest, nil)),
        ("generate a Black Friday campaign for VIP customers", draft(.promotion, .vipCustomers)),
        ("Who should I follow up today?", .followUpsToday),
        ("who to follow up", .followUpsToday),
        ("show me the pending recommendations", .followUpsToday),
        ("Give me a summary of John Smith", .contactSummary(.name("John Smith"))),
        ("summarize jane@acme.com", .contactSummary(.email("jane@acme.com"))),
        ("Tell me about Acme Corp", .contactSummary(.name("Acme Corp"))),
        ("who is Emma Wilson?", .contactSummary(.name("Emma Wilson"))),
        ("what do we know about bob@shop.io", .contactSummary(.email("bob@shop.io"))),
        ("order status 77812", .orderStatus(orderNumber: "77812")),
        ("Where is order #4512?", .orderStatus(orderNumber: "4512")),
        ("status of the order A-1001", .orderStatus(orderNumber: "A-1001")),
        ("How is the abandoned cart flow doing?", .flowFigures(flowID: "abandoned-cart")),
        ("win-back flow stats", .flowFigures(flowID: "win-back")),
        ("figures for the welcome series", .flowFigures(flowID: "welcome")),
        ("results of the price drop automation", .flowFigures(flowID: "price-drop")),
        ("how are my flows performing", .flowFigures(flowID: nil)),
        ("weekly report please", .weeklyReport),
        ("How did we do last week?", .weeklyReport),
        ("send me the weekly recap", .weeklyReport),
        ("Translate my website into German", .unsupported(reason: unsupported)),
        ("delete all contacts", .unsupported(reason: unsupported)),
        ("what's the weather like", .unsupported(reason: unsupported)),
        ("writte a folow-up emial for cold leads", draft(.followUp, .coldLeads)),
    ]

    @Test(arguments: french + english)
    func reads(_ request: String, _ expected: AssistantIntent) {
        let reading = AssistantIntentReader().read(request)
        if case .unsupported = expected {
            guard case .unsupported(let reason) = reading.intent else {
                Issue.record("\(request) → \(reading.intent)")
                return
            }
            #expect(reason.contains(reading.language == .french ? "Hors ligne" : "Offline"))
        } else {
            #expect(reading.intent == expected, "\(request) → \(reading.intent)")
        }
        #expect(reading.confidence > 0.5 && reading.confidence <= 0.95)
    }

    @Test func theExampleOfTheIssueIsAFollowUpEmailForColdLeads() {
        let reading = AssistantIntentReader().read("MAX, crée-moi un email de relance pour les leads froids")
        guard case .createTemplateDraft(let purpose, let channel) = reading.intent else {
            Issue.record("\(reading.intent)")
            return
        }
        #expect(purpose.description == "follow-up cold leads")
        #expect(channel == .email)
        #expect(reading.language == .french)
    }

    @Test func aMissingArgumentComesWithAQuestion() {
        let reader = AssistantIntentReader()
        let order = reader.read("quel est le statut de la commande ?")
        #expect(order.intent == .orderStatus(orderNumber: nil))
        #expect(order.question == "Quel est le numéro de la commande ?")
        let summary = reader.read("give me a summary of the lead")
        #expect(summary.intent == .contactSummary(nil))
        #expect(summary.question?.contains("name or email") == true)
    }

    @Test func unsupportedRequestsAreAnsweredInTheirLanguage() {
        let reader = AssistantIntentReader()
        #expect(reader.read("Translate my website into German").language == .english)
        #expect(reader.read("Traduis mon site en allemand").language == .french)
    }
}
