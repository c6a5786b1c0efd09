/// Sentences inbound B2B leads write, by what they reveal: business fit, who decides, budget, timeline, how to follow up.
enum DemoLeadPhrases {
    struct Pair {
        let french: [String]
        let english: [String]
        /// French sentences about the writer agree with their gender; these replace `french` for men.
        var frenchMasculine: [String]? = nil

        func pick(_ language: DemoLanguage, masculine: Bool = false, _ random: inout DemoRandom) -> String {
            let pool = language == .english ? english : masculine ? frenchMasculine ?? french : french
            return random.pick(pool) ?? ""
        }
    }

    static let greeting = Pair(
        french: ["Bonjour,", "Bonjour,", "Hello,", "Bonsoir,", ""], english: ["Hi,", "Hello,", "Hi team,", "Good morning,", ""])

    static let businesses = Pair(
        french: [
            "une boutique Shopify de cosmétiques", "une boutique en ligne de thés sous WooCommerce", "un site e-commerce de vêtements pour enfants",
            "une PME de distribution B2B (25 salariés)", "une boutique de dropshipping d'accessoires pour animaux", "un e-shop de café de spécialité",
            "une marque de bijoux vendue sur Shopify", "une PME qui vend du matériel de cuisine aux restaurants",
        ],
        english: [
            "a Shopify skincare brand", "a WooCommerce store selling specialty coffee", "a dropshipping store (about 400 orders a month)",
            "a B2B consulting firm (30 people)", "an online pet supplies shop", "a small e-commerce brand using Klaviyo for emails",
        ])

    static let decidingIntro = Pair(
        french: ["je suis la fondatrice de {b}.", "je dirige {b}.", "je suis la gérante de {b}.", "c'est moi qui gère {b}."],
        english: ["I'm the founder of {b}.", "I run {b} and I'm the owner.", "I'm the CEO of {b}.", "I own {b}."],
        frenchMasculine: ["je suis le fondateur de {b}.", "je dirige {b}.", "je suis le gérant de {b}.", "c'est moi qui gère {b}."])

    static let neutralIntro = Pair(
        french: ["je m'occupe du marketing chez {b}.", "je travaille pour {b}.", "je suis chargée de communication dans {b}."],
        english: ["I handle marketing at {b}.", "I work for {b}.", "I'm the e-commerce manager at {b}."],
        frenchMasculine: ["je m'occupe du marketing chez {b}.", "je travaille pour {b}.", "je suis responsable e-commerce dans {b}."])

    static let offTarget = Pair(
        french: [
            "je suis étudiante en marketing et je compare les outils.", "je suis consultante indépendante, je fais une veille des solutions.",
            "nous sommes une association culturelle de quartier.", "j'ai un restaurant à Lyon.",
        ],
        english: ["I'm a student writing a paper on CRM tools.", "I'm a freelance designer.", "we're a local sports club.", "I'm just curious."],
        frenchMasculine: [
            "je suis étudiant en marketing et je compare les outils.", "je suis consultant indépendant, je fais une veille des solutions.",
            "nous sommes une association culturelle de quartier.", "j'ai un restaurant à Lyon.",
        ])

    static let bigBudget = Pair(
        french: [
            "Budget de 800€/mois.", "On a prévu environ 1 500 € par mois.", "Budget : 12 000 € par an.", "On peut mettre 2k€/mois.",
            "Budget 1 000 euros par mois.",
        ],
        english: [
            "We could invest between 1k and 2k USD a month.", "We have £600 a month set aside.", "Our budget is 10k EUR per year.",
            "Budget is around $1,500/month.",
        ])

    static let smallBudget = Pair(
        french: [
            "Nous avons un budget de 5 000 dirhams par mois.", "On peut mettre 150€ par mois maximum.", "Petit budget, 100 € par mois.",
            "Budget d'environ 300 € par mois.",
        ],
        english: ["Budget around 300 dollars.", "Budget is tight, maybe $100/month.", "We can spend about £200 a month."])

    static let soon = Pair(
        french: [
            "On veut démarrer cette semaine.", "C'est urgent, on lance les soldes lundi.", "Dès que possible !", "Idéalement d'ici un mois.",
            "On aimerait démarrer le mois prochain.",
        ],
        english: ["Need it ASAP.", "We'd like to start this week.", "Within a month ideally.", "Hoping to go live next month."])

    static let later = Pair(
        french: [
            "Lancement prévu dans deux mois.", "Plutôt au prochain trimestre.", "Pas pressé, plutôt l'année prochaine.",
            "Rien d'urgent, on se renseigne.",
        ],
        english: ["Probably next quarter.", "In two or three months.", "No rush, maybe later this year.", "Just planning for next year."])

    static let someoneElseDecides = Pair(
        french: ["Je dois valider avec mon associé.", "La décision revient à notre directeur général.", "Il faudra l'accord de ma responsable."],
        english: ["My CEO signs off on anything above 500.", "I'll need my manager's approval.", "Our board has to approve the spend."])

    static let callToAction = Pair(
        french: [
            "Pouvez-vous m'appeler ?", "Je suis dispo pour une démo jeudi.", "Merci de m'envoyer un devis.", "Pouvons-nous prendre rendez-vous ?",
        ],
        english: ["Can we book a demo?", "Could you send a quote?", "Can someone call me tomorrow?", "Happy to jump on a call."])

    static let question = Pair(
        french: ["Vous gérez aussi les SMS ?", "Combien ça coûte ?", "Est-ce compatible avec notre CRM ?"],
        english: ["Do you handle SMS too?", "How much does it cost?", "Does it work with HubSpot?"])

    static let browsing = Pair(
        french: ["Bonjour, c'est quoi exactement votre outil ?", "Vous recrutez des stagiaires ?", "Je regarde juste, merci."],
        english: ["Just browsing, what do you do exactly?", "Do you have a free plan?", "Is this a newsletter?"])
}
