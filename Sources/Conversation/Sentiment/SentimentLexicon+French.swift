extension SentimentLexicon {
    /// French words and phrases, folded (no accents needed: they are folded the same way as messages).
    static let french: [(Double, [String])] = [
        (-3, [
            "inadmissible", "inacceptable", "scandaleux", "scandaleuse", "scandale", "honteux", "honteuse", "honte",
            "arnaque", "arnaqueur", "arnaqueurs", "escroc", "escrocs", "escroquerie", "voleur", "voleurs",
            "lamentable", "pitoyable", "catastrophique", "catastrophe", "furieux", "furieuse", "degoute", "degoutee",
            "ecoeure", "ecoeuree", "foutage de gueule", "vous vous foutez de", "vous moquez de moi", "ras le bol",
            "j en ai marre", "on en a marre", "connard", "connards", "connasse", "encule", "encules", "salaud",
            "salauds", "abruti", "abrutis", "pire service", "plus jamais", "jamais plus", "je porte plainte",
            "porter plainte", "remboursez moi", "c est une blague", "n importe quoi", "nuls",
        ]),
        (-2.5, [
            "marre", "enerve", "enervee", "enervant", "exaspere", "exasperee", "exasperant", "incompetent",
            "incompetente", "incompetents", "incompetence", "nul", "nulle", "nullissime", "horrible", "affreux",
            "detestable", "deteste", "pire", "merde", "merdique", "idiot", "idiots", "imbecile", "imbeciles", "debile",
            "debiles", "con", "cons", "conne", "perte de temps", "se moque", "se moquent", "rien ne marche",
            "rien ne fonctionne", "jamais recu", "jamais recue", "toujours rien", "personne ne repond",
        ]),
        (-2, [
            "decu", "decue", "decus", "decevant", "decevante", "deception", "mecontent", "mecontente", "mecontents",
            "insatisfait", "insatisfaite", "agace", "agacee", "agacant", "fache", "fachee", "colere", "en colere",
            "inutile", "inutiles", "putain", "bordel", "galere", "ridicule", "mauvais service", "mal servi",
            "abuse", "abusez", "c est abuse", "ne marche pas", "marche pas", "fonctionne pas", "ne fonctionne pas",
            "toujours pas", "toujours en attente", "j attends depuis", "ca fait une semaine", "aucune reponse",
            "sans reponse", "pas de reponse", "perdu", "perdue", "casse", "cassee", "abime", "abimee", "triste",
            "pas terrible", "pas top", "pas normal", "inquiet", "inquiete", "grr", "grrr", "pff", "pfff", "rembourser",
            "remboursement",
        ]),
        (-1, [
            "probleme", "problemes", "souci", "soucis", "bug", "bugs", "erreur", "retard", "en retard", "lent", "lente",
            "cher", "chere", "trop cher", "dommage", "bof", "moyen", "mauvais", "mauvaise", "mal", "plainte",
            "reclamation", "attendre", "attente", "difficile", "complique", "compliquee", "bizarre", "terrible",
            "hélas", "malheureusement", "zut", "mince",
        ]),
        (1, [
            "ok", "d accord", "bien", "bon", "bonne", "correct", "pas de souci", "pas de soucis", "pas de probleme",
            "aucun souci", "aucun probleme", "ca marche", "entendu", "volontiers", "interessant", "interessante",
            "pratique", "rapide", "sympa", "cool",
        ]),
        (1.5, [
            "merci", "remercie", "content", "contente", "contents", "satisfait", "satisfaite", "pas mal", "chouette",
            "efficace", "top", "agreable", "aimable", "gentil", "gentille", "serviable",
        ]),
        (2.5, [
            "super", "genial", "geniale", "parfait", "parfaite", "excellent", "excellente", "ravi", "ravie", "ravis",
            "adore", "j adore", "formidable", "magnifique", "impeccable", "merci beaucoup", "merci infiniment",
            "mille mercis", "au top", "bravo", "felicitations", "tres satisfait", "genialissime", "incroyable",
            "heureux", "heureuse", "enchante", "enchantee", "merveilleux", "merveilleuse", "top du top",
        ]),
    ]
}
