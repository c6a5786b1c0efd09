extension LifetimeValueModel {
    /// `fit` on the summaries sorted by their figures (customers aside): the sums the fits make then run in one order
    /// whatever order the customers came in, so a fit over pages of customers equals the fit over all of them at once,
    /// to the last bit. The identifiers play no part (a streamed scoring drops them to save memory).
    public static func fitInCanonicalOrder(_ customers: [CustomerSummary], settings: LifetimeValueSettings = LifetimeValueSettings())
        -> LifetimeValueModel
    {
        fit(customers.sorted(by: precedes), settings: settings)
    }

    static func precedes(_ a: CustomerSummary, _ b: CustomerSummary) -> Bool {
        if a.x != b.x { return a.x < b.x }
        if a.tx != b.tx { return a.tx < b.tx }
        if a.T != b.T { return a.T < b.T }
        if a.averageRepeatAmount != b.averageRepeatAmount { return a.averageRepeatAmount < b.averageRepeatAmount }
        return a.averageOrderAmount < b.averageOrderAmount
    }
}
