import Foundation

extension LeadPhrases {
    /// Who decides. A phrase saying someone else decides or must approve outweighs a role that decides.
    static let decisionMaker: [LeadPhrase] =
        entries(
            .decides(true), "decisionMaker.role",
            [
                "fondateu*", "fondatr*", "fondatuer", "cofondateu*", "cofondatr*", "co fondateu*", "co fondatr*",
                "founder", "founders", "co_founder", "cofounder", "ceo", "pdg", "p.d.g", "je suis dg", "dg de", "dg d", "owner", "owners",
                "proprietaire", "proprio", "gerant",
                "gerante",
                "gerent", "co_gerant", "co_gerante", "dirigeant", "dirigeante", "directeur general", "directrice generale",
                "managing director", "president", "presidente", "chef d entreprise", "cheffe d entreprise",
                "business owner", "shop owner", "store owner", "i own", "j ai cree", "i started", "i founded",
                "i run the company", "i run the business", "i run my own", "my own business", "my own company",
                "ma propre boutique", "ma propre entreprise", "ma propre marque", "my own brand", "my own store",
                "auto_entrepreneur", "autoentrepreneur", "micro_entrepreneur", "solopreneur", "entrepreneur", "entrepreneuse",
                "seul aux commandes", "seule aux commandes", "a mon compte", "on my own", "seul dans mon entreprise",
                "seule dans mon entreprise", "seul dans ma boite", "seule dans ma boite", "je travaille seul", "je travaille seule",
                "solo founder", "solo business", "one_man", "one_woman", "one person business",
                "one_person business", "i work alone", "it s just me", "je dirige", "nous dirigeons",
                "c est moi qui gere", "moi qui gere", "je gere ma boutique", "je gere mon entreprise", "je gere ma societe",
                "je gere mon e_shop", "je gere mon site", "je gere ma marque", "i run my", "i run our", "i run a small",
                "i run an online", "i run a shopify", "i run a woocommerce", "i run a dropshipping", "i run an e_commerce",
                "i run a d2c", "i run the shop", "i run the store",
            ])
        + entries(
            .decides(true), "decisionMaker.decides",
            [
                "je decide", "je decid", "je decides", "c est moi qui decide", "moi qui decide", "je prends les decisions",
                "je prends la decision", "je tranche", "je valide", "c est moi qui valide", "i decide", "i make the decision*",
                "i make the call", "i m the decision maker", "i am the decision maker", "decision maker here",
                "the decision is mine", "my decision", "ma decision", "j ai le dernier mot", "i have the final say",
                "i sign off", "i approve", "i have full authority", "j ai le pouvoir de decision", "decisionnaire",
                "decideur", "decideuse", "je suis le patron", "je suis la patronne", "je suis le boss", "i m the boss",
                "i am the boss", "c est moi le patron", "c est moi la patronne", "i m the owner",
            ])
        + entries(
            .decides(false), "decisionMaker.approval",
            [
                "my ceo", "our ceo", "the ceo will", "mon ceo", "notre ceo", "mon pdg", "notre pdg", "le pdg doit",
                "mon patron", "ma patronne", "notre patron", "mon boss", "my boss", "our boss", "mon chef", "ma cheffe",
                "my manager", "mon manager", "mon n_1", "my n_1", "ma direction", "la direction doit", "la direction valide",
                "management needs", "management has to", "the board", "le conseil d administration", "le board",
                "my director", "mon directeur", "ma directrice", "notre directeur", "notre directrice", "mon responsable",
                "ma responsable", "ma hierarchie", "my superior", "mon superieur", "my supervisor", "my team lead",
                "the owner decides", "the owner will", "le proprietaire decide", "le gerant decide", "the founder decides",
                "signs off", "sign off from", "sign_off from", "needs to sign off", "need to sign off", "needs sign_off",
                "need sign_off", "approval from", "approval of", "need approval", "needs approval", "needs to approve",
                "need to approve", "has to approve", "have to approve", "must approve", "will approve", "to be approved",
                "get approval", "get it approved", "subject to approval", "doit valider", "dois valider", "doivent valider",
                "devons valider", "doit approuver", "doivent approuver", "faire valider", "a faire valider",
                "soumettre a", "valider avec", "valide avec", "validation de mon", "validation de ma", "validation de notre",
                "validation par", "voir avec mon", "voir avec ma", "voir avec notre", "en parler a mon",
                "en parler a ma", "en parler avec mon", "en parler avec ma", "en discuter avec mon", "en discuter avec ma",
                "check with my", "check with our", "run it by", "talk to my", "talk with my", "discuss with my",
                "ask my", "demander a mon", "demander a ma", "l accord de", "the go_ahead from", "le feu vert de",
                "i report to", "je ne decide pas", "je ne suis pas le decideur", "je ne suis pas decisionnaire",
                "pas moi qui decide", "pas le decideur", "pas la decideuse", "i don t decide", "i do not decide",
                "i m not the decision maker", "i am not the decision maker", "not the decision maker", "not my decision",
                "not my call", "pas ma decision", "ce n est pas moi qui", "it s not up to me", "not up to me",
                "ne depend pas de moi", "not the owner", "pas le gerant", "pas la gerante", "pas le patron",
                "pas la patronne", "not the founder", "pas le fondateur", "pas la fondatrice", "not the ceo",
                "someone else decides", "quelqu un d autre decide", "c est mon associe", "c est mon associee",
                "mon associe decide", "mon associee decide", "my partner decides", "my co_founder decides",
                "the decision maker is", "le decideur est", "la decision revient a", "the decision is up to",
                "the final decision is", "la decision finale revient", "la decision finale appartient", "on behalf of",
                "pour le compte de", "de la part de mon", "de la part de ma", "en comite", "le comite", "notre comite",
                "committee", "the committee", "our investors", "nos investisseurs", "mes associes", "my partners",
            ])
        + entries(
            .decides(true), "decisionMaker.decides",
            [
                "on decide", "nous decidons", "c est nous qui decidons", "nous qui decidons", "we decide",
                "we make the decision*", "we make the call", "on prend les decisions", "nous prenons les decisions",
            ])
        + someoneElseDecides
        + entries(
            .mask(.decisionMaker), "decisionMaker.mask",
            [
                "my own boss", "mon propre patron", "mon propre boss", "ma propre patronne", "i m my own boss",
                "president du conseil", "ceo coach", "product owner", "owner of the problem", "on my own time", "for my clients", "pour mes clients",
            ])

    /// "<role> valide / décide / approves …" in the third person: someone else decides ("Le CEO valide les dépenses").
    private static let someoneElseDecides: [LeadPhrase] = {
        let roles = [
            "ceo", "pdg", "dg", "patron", "patronne", "boss", "gerant", "gerante", "dirigeant", "dirigeante", "fondateur",
            "fondatrice", "founder", "owner", "proprietaire", "directeur", "directrice", "president", "presidente",
            "manager", "responsable", "associe", "associee", "partner", "cofounder", "co_founder", "cfo", "coo", "daf",
            "direction", "management", "board",
        ]
        let verbs = [
            "valide", "decide", "approuve", "signe", "tranche", "validera", "decidera", "approuvera", "decides",
            "approves", "signs", "validates", "will decide", "will approve", "has the final say", "makes the call",
            "makes the decision*", "a le dernier mot", "doit donner son accord", "donne son accord",
        ]
        return roles.flatMap { role in verbs.map { LeadPhrase("\(role) \($0)", .decides(false), rule: "decisionMaker.approval") } }
    }()
}
