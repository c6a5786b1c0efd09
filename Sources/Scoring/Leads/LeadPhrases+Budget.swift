import Foundation

extension LeadPhrases {
    /// Words that introduce a budget, and words that make a nearby amount something else (revenue, a price).
    static let budget: [LeadPhrase] =
        entries(
            .budgetKeyword(3), "budget.keyword",
            [
                "budget*", "budj*", "bugdet*", "buget*", "budet*", "invest*", "enveloppe", "envelope", "afford",
                "willing to pay", "ready to pay", "pret a mettre", "prete a mettre", "prets a mettre", "pret a investir",
                "peux mettre", "pouvons mettre", "pourrait mettre", "pourrions mettre", "can put", "happy to pay",
            ])
        + entries(
            .budgetKeyword(2), "budget.keyword",
            [
                "spend", "spending", "spent", "depens*",
                "mettre", "mettrais", "mettrait", "mettrons", "mettons", "mettre jusqu a", "put in", "payer",
                "paierais", "paierons", "pay", "paying", "allouer", "allouons", "alloue", "allocate", "allocated",
                "prevu", "prevoir", "prevoyons", "compter", "up to", "jusqu a", "max", "maximum",
                "maxi", "plafond", "cap", "capped", "tops", "au plus", "at most", "no more than", "pas plus de",
                "willing to", "ready to", "pret a", "prete a", "prets a", "moyens", "abonnement", "subscription",
                "mensualite", "par mois", "per month", "a month", "tarif", "autour de", "around", "environ", "about",
                "roughly", "approx", "approximately", "dans les", "in the range of", "range", "fourchette", "entre", "between",
                "from", "de l ordre de", "aux alentours de", "at least", "au moins", "minimum", "min", "under", "below",
                "less than", "moins de", "no more than", "price range", "looking for something",
            ])
        + entries(
            .budgetNegative, "budget.not-a-budget",
            [
                "chiffre d affaires", "chiffre d affaire", "de ca", "du ca", "notre ca", "mon ca", "un ca", "ca annuel",
                "ca mensuel", "ca de", "revenue", "revenues", "turnover", "sales", "ventes", "vendons", "vendez", "vend",
                "vends", "sell", "sells", "selling", "sold", "prix", "price", "prices", "priced", "panier moyen",
                "average order", "average basket", "aov", "per order", "par commande", "par produit", "per product",
                "per item", "par article", "par client", "per customer", "per client", "l unite", "each", "chacun",
                "coute", "coutent", "costs", "cost", "frais de port", "shipping", "livraison", "marge", "margin", "margins",
                "leve", "levee", "raised", "raise", "valorisation", "valuation", "salaire", "salary", "loyer", "rent",
                "gagne", "gagnons", "earn", "earning", "make about", "we make", "we do", "generate", "generons", "genere",
                "realise", "realisons", "facture", "factures", "invoice", "commandes de", "orders of", "panier",
                "basket", "ticket moyen", "depense moyenne", "ltv", "cac", "cpc", "cpm", "roas", "ads spend", "ad spend",
                "en pub", "in ads", "on ads", "de pub", "publicite", "advertising", "facebook ads", "google ads",
                "arr", "mrr", "gmv", "levee de fonds", "fundraising", "funding", "pour cent", "pourcent", "pourcents", "percent", "percents",
                "per cent", "pct", "le produit", "la piece", "l article", "the product",
            ])

    /// Currencies, periods and multipliers written next to an amount, month names, and words allowed after an amount.
    static let amounts: [LeadPhrase] =
        entries(.currency(.eur), "budget.currency", ["eur", "euro", "euros", "balle", "balles", "boules"])
        + entries(
            .currency(.usd), "budget.currency",
            [
                "usd", "dollar", "dollars", "dollar us", "dollars us", "dollars americains", "us dollars", "us dollar",
                "american dollars", "bucks", "us$", "usd$",
            ])
        + entries(
            .currency(.gbp), "budget.currency",
            [
                "gbp", "pound", "pounds", "pounds sterling", "livre sterling", "livres sterling", "sterling", "quid",
            ])
        + entries(
            .currency(.chf), "budget.currency",
            [
                "chf", "franc suisse", "francs suisses", "swiss franc", "swiss francs", "franc", "francs", "sfr",
            ])
        + entries(
            .currency(.cad), "budget.currency",
            [
                "cad", "dollar canadien", "dollars canadiens", "canadian dollar", "canadian dollars", "dollars cad",
                "cad dollars", "dollars can", "c$", "ca$", "can$", "cad$",
            ])
        + entries(
            .currency(.mad), "budget.currency",
            [
                "mad", "dh", "dhs", "dirham", "dirhams", "dirhams marocains", "dirham marocain", "drh",
            ])
        + entries(
            .period(.month), "budget.period",
            [
                "par mois", "per month", "a month", "each month", "every month", "chaque mois", "tous les mois",
                "mensuel*", "monthly", "le mois", "per mo", "a mo", "by month", "au mois",
            ])
        + entries(
            .period(.year), "budget.period",
            [
                "par an", "per year", "a year", "each year", "every year", "chaque annee", "tous les ans", "par annee",
                "annuel*", "annual*", "yearly", "per annum", "p.a", "l an", "a l annee", "sur l annee", "sur un an",
                "by year", "per yr", "a yr", "pour l annee", "pour l an", "pour un an", "pour toute l annee", "for the year",
                "for the whole year", "for a year", "over the year", "sur 12 mois", "over 12 months", "for 12 months",
            ])
        + entries(.multiplier(1000), "budget.multiplier", ["k", "mille", "thousand", "milles", "kilo"])
        + entries(.multiplier(1_000_000), "budget.multiplier", ["million", "millions", "mio", "mln"])
        + entries(
            .amountQualifier, "budget.qualifier",
            [
                "ht", "ttc", "hors taxe", "hors taxes", "max", "maximum", "maxi", "environ", "approx", "about", "roughly",
                "tops", "net", "brut", "minimum", "min", "grand max", "au total", "en tout", "total", "all in", "tout compris",
                "excl vat", "incl vat", "hors tva", "ttc compris", "max.", "mini", "au maximum", "au minimum", "at most",
            ])
        + entries(
            .amountFiller, "budget.filler",
            [
                "par", "per", "a", "et", "and", "ou", "or", "pour", "for", "to", "de", "en", "in", "on", "sur", "we", "on",
                "nous", "je", "i", "but", "mais", "donc", "so", "avec", "with", "plus", "voire", "even", "ideally",
                "idealement", "si", "if", "c", "it", "is", "est", "that", "which", "qui", "would", "could", "serait",
            ])
        + entries(
            .monthName, "budget.date",
            [
                "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
                "decembre", "january", "february", "march", "april", "june", "july", "august", "september",
                "october", "november", "december", "janv", "fev", "sept", "oct", "nov", "dec", "jan", "feb", "apr", "jun",
                "jul", "aug",
            ])
}
