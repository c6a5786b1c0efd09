import Foundation

extension LeadPhrases {
    /// Businesses that fit: e-commerce, its platforms and tools, dropshipping, B2B, SMEs (PME).
    static let fit: [LeadPhrase] =
        entries(
            .fit, "fit.ecommerce",
            [
                "e_commerce", "e_commerces", "e_commercant", "e_commercante", "ecom", "e_com", "e_shop", "webshop",
                "web shop", "online store", "online stores", "online shop", "online shops", "online boutique",
                "boutique en ligne", "boutiques en ligne", "magasin en ligne", "shop en ligne", "site marchand",
                "site de vente", "site e_commerce", "vente en ligne", "ventes en ligne", "vendre en ligne",
                "vend en ligne", "vends en ligne", "vendons en ligne", "sell online", "sells online", "selling online",
                "we sell online", "d2c", "dtc", "direct to consumer", "direct_to_consumer", "marketplace", "marketplaces",
                "amazon fba", "fba", "amazon seller", "vendeur amazon", "etsy", "panier abandonne", "paniers abandonnes",
                "abandoned cart", "abandoned carts", "cart abandonment", "commandes en ligne", "online orders",
                "online sales", "ventes sur internet", "vente sur internet", "site de e_commerce",
            ])
        + entries(
            .fit, "fit.platform",
            [
                "shopify", "woocommerce", "woo commerce", "woo shop", "woo store", "klaviyo", "prestashop", "presta shop", "magento",
                "bigcommerce", "big commerce", "shopware", "wix ecommerce", "squarespace commerce", "omnisend",
                "salesforce commerce cloud", "sylius", "ecwid", "gorgias", "wix stores", "shopify plus",
            ])
        + entries(.fit, "fit.dropshipping", ["drop_shipping", "dropship", "dropshipper", "dropshippers", "drop_shipper"])
        + entries(
            .fit, "fit.b2b",
            [
                "b2b", "b to b", "btob", "b_2_b", "business to business", "pme", "pmes", "tpe", "tpe pme", "pmi",
                "sme", "smes", "smb", "smbs", "small business", "small businesses", "small company", "small firm",
                "petite entreprise", "petites entreprises", "moyenne entreprise", "petite boite", "petites boites",
                "mid_sized company", "mid_size company", "small and medium",
            ])
        + entries(
            .mask(.fit), "fit.mask",
            [
                "pas e_commerce", "pas de e_commerce", "non e_commerce", "pas dans l ecommerce", "not in e_commerce", "not e_commerce",
                "not an e_commerce", "not in ecom", "not ecom", "no e_commerce",
                "pas un e_commerce", "pas du e_commerce", "pas dans le e_commerce", "pas dans l e_commerce", "pas de e_commerce",
                "pas d e_commerce", "pas en e_commerce", "not a shopify", "not on shopify", "pas sur shopify", "not b2b",
                "pas b2b", "pas en b2b", "pas une pme", "not an sme", "not a small business",
                "pas de boutique en ligne", "no online store", "sme s",
            ])
}
