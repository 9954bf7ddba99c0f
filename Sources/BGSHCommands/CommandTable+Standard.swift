import BGSHCore

extension CommandTable {
    /// Every bgsh command: the one list that help, completion, the binder and the docs read.
    public static let standard = CommandTable([
        // Context
        Region.self, Profile.self, ClusterSelect.self, OutputCommand.self, ContextCommand.self,
        // Shell
        SetCommand.self, Unset.self, Vars.self, Echo.self, Source.self, OnError.self, Assert.self, Sleep.self,
        HelpCommand.self, History.self, Refresh.self, Exit.self,
        // Resources
        ClusterCreate.self, ClusterList.self, ClusterDescribe.self, ClusterDelete.self,
    ])
}
