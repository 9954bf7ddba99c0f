import BGSHCore

extension CommandTable {
    /// Every bgsh command: the one list that help, completion, the binder and the docs read.
    public static let standard = CommandTable([
        // Context
        Region.self, Profile.self, ClusterSelect.self, OutputCommand.self, ContextCommand.self,
        // Shell
        SetCommand.self, Unset.self, Vars.self, Echo.self, Source.self, OnError.self, Assert.self, Sleep.self,
        HelpCommand.self, History.self, RecordStart.self, RecordStop.self, Refresh.self, Exit.self,
        ServiceSelect.self,
        // Resources
        EcrCreate.self, EcrList.self, EcrImages.self, EcrDelete.self,
        ClusterCreate.self, ClusterList.self, ClusterDescribe.self, ClusterDelete.self,
        TaskDefRegister.self, TaskDefList.self, TaskDefDescribe.self, TaskDefDeregister.self,
        VpcCreate.self, VpcList.self, VpcDescribe.self, VpcDelete.self,
        NatCreate.self, NatList.self, NatDelete.self,
        SubnetCreate.self, SubnetList.self, SubnetDelete.self,
        SgCreate.self, SgList.self, SgDelete.self,
        LbCreate.self, LbList.self, LbDescribe.self, LbDelete.self,
        TargetGroupCreate.self, TargetGroupList.self, TargetGroupDescribe.self, TargetGroupHealth.self, TargetGroupDelete.self,
        ListenerCreate.self, ListenerList.self, ListenerDelete.self,
        ServiceCreate.self, ServiceMigrate.self, ServiceList.self, ServiceDescribe.self, ServiceScale.self, ServiceEvents.self, ServiceDelete.self, Tasks.self,
        AlarmCreate.self, AlarmList.self, AlarmDelete.self,
        CodeDeployAppCreate.self, CodeDeployAppDelete.self, CodeDeployGroupCreate.self, CodeDeployGroupDelete.self,
        // Build and pipeline
        CodeBuildCreate.self, CodeBuildList.self, CodeBuildDescribe.self, CodeBuildDelete.self,
        BuildStart.self, BuildStatus.self, BuildList.self, BuildStop.self, BuildLogs.self,
        PipelineCreate.self, PipelineList.self, PipelineDescribe.self, PipelineStart.self, PipelineStatus.self, PipelineWait.self, PipelineDelete.self,
        // Blue-green
        Deploy.self, Shift.self, Promote.self, Rollback.self, Hold.self, Resume.self, Status.self, Wait.self, Deployments.self, AnalysisRun.self, AnalysisShow.self,
        // Simulator
        SimClockCommand.self, SimAdvance.self, SimPace.self, SimFail.self, SimFailAPI.self, SimFailBuild.self, SimHeal.self, SimTraffic.self, SimLoad.self, SimPush.self, SimReset.self,
    ])
}
