import Conversation
import Testing

@Suite("Visitor intent reader")
struct VisitorIntentReaderTests {
    static let cases: [(String, VisitorIntent?)] = [
        ("Où en est ma commande 1042 ?", .orderStatus(orderNumber: "1042")),
        ("Bonjour, je n'ai toujours pas reçu mon colis", .orderStatus(orderNumber: nil)),
        ("commande n°A-2291, elle arrive quand ?", .orderStatus(orderNumber: "A-2291")),
        ("Suivi de commande #88231 svp", .orderStatus(orderNumber: "88231")),
        ("Ma comande 5531 n'est pas arrivée", .orderStatus(orderNumber: "5531")),
        ("Avez-vous le sac Lina en stock ?", .productStock(product: "sac Lina")),
        ("La robe Margot est-elle encore disponible en 38 ?", .productStock(product: "robe Margot")),
        ("Le pull marin est en rupture ?", .productStock(product: "pull marin")),
        ("Je voudrais parler à un conseiller", .person),
        ("Passez-moi une vraie personne, pas un robot", .person),
        ("Pouvez-vous me rappeler cet après-midi ?", .callback),
        ("Je voudrais prendre rendez-vous pour une démo", .callback),
        ("Quels sont vos frais de port pour la Belgique ?", .question("Quels sont vos frais de port pour la Belgique ?")),
        ("Comment faire un retour ?", .question("Comment faire un retour ?")),
        ("Vous êtes compatibles avec Prestashop ?", .question("Vous êtes compatibles avec Prestashop ?")),
        ("Nous avons 200 commandes par mois", nil),
        ("budget 1500 € par mois", nil),
        ("Where is my order #4512?", .orderStatus(orderNumber: "4512")),
        ("I still haven't received my package", .orderStatus(orderNumber: nil)),
        ("order 77812 status please", .orderStatus(orderNumber: "77812")),
        ("Has my order shipped yet?", .orderStatus(orderNumber: nil)),
        ("Is the Lina bag in stock?", .productStock(product: "Lina bag")),
        ("When will the blue hoodie be back in stock?", .productStock(product: "blue hoodie")),
        ("Do you have any linen shirts left?", .productStock(product: "linen shirts")),
        ("Can I talk to a human please?", .person),
        ("I want to speak with someone from customer service", .person),
        ("Could you call me back tomorrow morning?", .callback),
        ("I'd like to book a call with your team", .callback),
        ("What is your return policy?", .question("What is your return policy?")),
        ("Do you ship to Canada?", .question("Do you ship to Canada?")),
        ("Do you integrate with HubSpot?", .question("Do you integrate with HubSpot?")),
        ("We have about 300 orders a month", nil),
        ("Shopify and Klaviyo", nil),
    ]

    @Test(arguments: cases)
    func reads(_ text: String, _ expected: VisitorIntent?) {
        let reading = VisitorIntentReader().read(text)
        #expect(reading?.intent == expected, "\(text) → \(String(describing: reading))")
        if let reading {
            #expect(reading.confidence > 0 && reading.confidence <= 0.95)
        }
    }

    @Test func aClearRequestIsMoreCertainThanABareQuestion() throws {
        let reader = VisitorIntentReader()
        let order = try #require(reader.read("Où est ma commande #1042 ?"))
        let question = try #require(reader.read("Vous êtes basés où ?"))
        #expect(order.confidence > question.confidence)
        #expect(question.confidence == 0.5)
    }
}
