import Engine

extension Dependencies {
    var accounts: AccountService { AccountService(dependencies: self) }

    func accountsUser(_ email: String) async throws -> DashboardUser? {
        try await accounts.listUsers(tenantID: nil).first { $0.email == email }
    }
}
