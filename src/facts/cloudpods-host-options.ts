/**
 * Every key the Cloudpods host service accepts in /etc/yunion/host.conf, generated from the host
 * agent's option structs at yunionio/cloudpods 2de295222d1c86abc1a43f701d94c99b76bdffe6:
 * pkg/hostman/options/options.go (SHostOptions, SHostBaseOptions), pkg/cloudcommon/options/options.go
 * (HostCommonOptions, CommonOptions, BaseOptions, EtcdOptions, S3CommonOptions),
 * pkg/util/ovnutils/options.go (SOvnOptions) and vendor/yunion.io/x/structarg (BaseOptions).
 *
 * How a YAML key is matched (vendor/yunion.io/x/structarg/structarg.go): keyToToken replaces
 * `_` with `-`, and findOptionalArgument(token, exactMatch=true) compares it exactly with each
 * option's token; the token is the json tag when there is one, else the field name split by
 * utils.CamelSplitTokens (vendor/yunion.io/x/pkg/utils/utils.go) and joined with `_`, then `-`
 * (reflectutils.ParseFieldJsonInfo, SingleArgument.Token). An unmatched key is logged
 * `Cannot find argument <token>` and ignored (parseJSONKeyValue).
 * Ported and run on the field names: AMDVgpuPFs → amd_vgpu_pfs, NVIDIAVgpuPFs → nvidia_vgpu_pfs,
 * PTNVMEConfigs → ptnvme_configs. Listed here in the `_` spelling.
 */
export const HOST_CONF_KEYS: ReadonlySet<string> = new Set([
  // alias tags (alias:"…") in CommonOptions
  'auth_uri',
  'admin_passwd',
  'admin_tenant_name',
  'admin_domain',
  'admin_password',
  'admin_project',
  'admin_project_domain',
  'admin_user',
  'agent_temp_limit',
  'agent_temp_path',
  'allow_router_vms',
  'allow_switch_vms',
  'always_recycle_diskfile',
  'amd_vgpu_pfs',
  'ascend_npu_hami_libvnpu_path',
  'ascend_npu_hami_shm_path',
  'auth_token_cache_size',
  'auth_url',
  'auto_merge_backing_template',
  'auto_merge_delay_seconds',
  'backup_task_worker_count',
  'bandwidth_limit',
  'binary_memclean_path',
  'binary_swtpm_path',
  'block_io_scheduler',
  'boot_vga_pci_addr',
  'bridge_driver',
  'bw_download_bandwidth',
  'cdrom_count',
  'check_system_services',
  'chntpw_path',
  'common_config_file',
  'config',
  'container_device_config_file',
  'container_log_max_files',
  'container_log_max_size',
  'container_runtime_endpoint',
  'container_start_worker_count',
  'container_stop_worker_count',
  'container_system_cpufreq_simulate_config_file',
  'cuda_mps_log_directory',
  'cuda_mps_pipe_directory',
  'cuda_mps_replicas',
  'default_image_save_format',
  'default_live_migrate_downtime',
  'default_qemu_version',
  'default_read_bps_per_cpu',
  'default_read_iops_per_cpu',
  'default_request_worker_count',
  'default_write_bps_per_cpu',
  'default_write_iops_per_cpu',
  'deploy_concurrent',
  'deploy_server_socket_path',
  'dhcp6_relay',
  'dhcp6_router_advertisement_attempts',
  'dhcp6_router_advertisement_interval_secs',
  'dhcp6_router_lifetime_seconds',
  'dhcp6_server_port',
  'dhcp_lease_time',
  'dhcp_relay',
  'dhcp_renewal_time',
  'dhcp_server_port',
  'disable_custom_device',
  'disable_gpu',
  'disable_kvm',
  'disable_local_vpc',
  'disable_passthrough_with_vendor_device_id',
  'disable_probe_kubelet',
  'disable_reconcile_container',
  'disable_security_group',
  'disable_set_cgroup',
  'disable_usb',
  'dns_server',
  'dns_server_legacy',
  'enable_container_ascend_npu',
  'enable_container_ascend_npu_hami',
  'enable_container_cni_portmap',
  'enable_container_hygon_dcu',
  'enable_container_hygon_dcu_hami',
  'enable_cpu_binding',
  'enable_cuda_hami',
  'enable_cuda_mps',
  'enable_dirty_recovery_seconds',
  'enable_dmesg_collect',
  'enable_fallocate_disk',
  'enable_host_agent_numa_allocate',
  'enable_isolated_device_whitelist',
  'enable_ksm',
  'enable_monitor',
  'enable_nested_virtualization',
  'enable_openflow_controller',
  'enable_qemu_debug_log',
  'enable_realtime_cpufreq_simulate',
  'enable_remote_executor',
  'enable_strict_cpu_bind',
  'enable_telegraf',
  'enable_template_backing',
  'enable_virtio_rng_device',
  'enable_vm_uuid',
  'etcd_cacert',
  'etcd_cert',
  'etcd_endpoints',
  'etcd_key',
  'etcd_password',
  'etcd_skip_tls_verify',
  'etcd_use_tls',
  'etcd_username',
  'ethtool_disable_gso_interfaces',
  'ethtool_enable_gso',
  'ethtool_enable_gso_interfaces',
  'executor_connect_timeout_seconds',
  'executor_socket_path',
  'ext4_hugefile_size_gb',
  'ext4_largefile_size_gb',
  'fetcherfs_block_size',
  'fetcherfs_path',
  'floppy_count',
  'guest_max_mem_size_mb',
  'hami_core_libvgpu_path',
  'help',
  'host_cpu_passthrough',
  'host_files_path',
  'host_health_timeout',
  'host_lease_timeout',
  'host_local_bridge_name',
  'host_type',
  'hostname',
  'hugepage_size_mb',
  'hugepages_option',
  'hygon_dtk_path',
  'hygon_hy_smi_path',
  'hygon_hyhal_path',
  'hygon_vdev_conf_dir',
  'hygon_vgpu_cache_dir',
  'image_cache_cleanup_dry_run',
  'image_cache_cleanup_on_startup',
  'image_cache_cleanup_percentage',
  'image_cache_expire_days',
  'image_cache_path',
  'image_cache_worker_count',
  'image_deploy_driver',
  'kubelet_run_directory',
  'linux_default_root_user',
  'listen_interface',
  'live_migrate_cpu_throttle_increment',
  'live_migrate_cpu_throttle_initial',
  'live_migrate_cpu_throttle_max',
  'local_backup_storage_path',
  'local_backup_temp_path',
  'local_config_file',
  'local_image_path',
  'log_systemd_units',
  'lvm_volume_groups',
  'lxcfs_path',
  'manage_ntp_configuration',
  'max_hotplug_vcpu_count',
  'max_reserved_memory',
  'memory_snapshots_path',
  'migrate_expect_rate',
  'min_migrate_timeout_seconds',
  'networks',
  'no_hpet',
  'nvidia_vgpu_pfs',
  'ovmf4_mcode_path',
  'ovmf4_mcode_vars_path',
  'ovmf_path',
  'ovmf_vars_path',
  'ovn_eip_bridge',
  'ovn_encap_ip',
  'ovn_encap_ip_detection_method',
  'ovn_integration_bridge',
  'ovn_mapped_bridge',
  'ovn_south_database',
  'ovn_underlay_mtu',
  'ovs_offload_nics',
  'pcie_root_port_count',
  'pid_file',
  'ping_region_interval',
  'port_mapping_range_end',
  'port_mapping_range_start',
  'ptnvme_configs',
  'qcow2_preallocation',
  'rack',
  'realtime_cpufreq_simulate_interval',
  'recycle_diskfile',
  'recycle_diskfile_keep_days',
  'recycle_serverfiles',
  'recycle_serverfiles_keep_days',
  'report_interval',
  'reset_disk_tmp_dir',
  'restrict_qemu_img_convert_worker',
  's3_access_key',
  's3_bucket_lifecycle_keep_day',
  's3_bucket_name',
  's3_endpoint',
  's3_secret_key',
  's3_use_ssl',
  'sdn_allow_conntrack_invalid',
  'sdn_enable_eip_man',
  'sdn_enable_guest_man',
  'sdn_enable_tap_man',
  'sdn_enable_tc_man',
  'sdn_fetch_data_from_compute_service',
  'sdn_pid_file',
  'sdn_socket_path',
  'secboot_ovmf_path',
  'secboot_ovmf_vars_path',
  'servers_path',
  'session_endpoint_type',
  'set_vnc_password',
  'shared_storages',
  'skip_check_kernel_mods',
  'slots',
  'snapshot_dir_suffix',
  'snapshot_recycle_day',
  'sriov_nics',
  'ssd_block_io_scheduler',
  'sync_storage_info_duration_second',
  'tap_bridge_name',
  'telegraf_kafka_output_sasl_mechanism',
  'telegraf_kafka_output_sasl_password',
  'telegraf_kafka_output_sasl_username',
  'telegraf_kafka_output_topic',
  'tenant_cache_expire_seconds',
  'tunnel_padding_bytes',
  'use_boot_vga',
  'version',
  'windows_default_admin_user',
  'zero_clean_disk_data',
]);

/** Spellings the guides print or older releases accepted, with the key the host service reads. */
const KNOWN_MISSPELLINGS: Readonly<Record<string, string>> = {
  // hugepage guide: "set hugepages_options to native" (reference §1.7; options.go HugepagesOption)
  hugepages_options: 'hugepages_option',
  // vGPU guide: `AMDVgpuPFs:` (reference §1.2); the token is amd-vgpu-pfs
  AMDVgpuPFs: 'amd_vgpu_pfs',
  NVIDIAVgpuPFs: 'nvidia_vgpu_pfs',
  PTNVMEConfigs: 'ptnvme_configs',
  pt_nvme_configs: 'ptnvme_configs',
  // retired in 3.10 ("removed flag disable_sriov_nics add flag sriov_nics")
  disable_sriov_nics: 'sriov_nics',
};

/** structarg compares `key` with `_` → `-` exactly, so `a-b` and `a_b` are the same key. */
export function normaliseHostConfKey(key: string): string {
  return key.trim().replace(/-/g, '_');
}

/** The accepted key a misspelt one most likely means: a known misspelling, a case/separator slip, or one edit away. */
export function suggestHostConfKey(key: string): string | null {
  const direct = KNOWN_MISSPELLINGS[key] ?? KNOWN_MISSPELLINGS[normaliseHostConfKey(key)];
  if (direct) return direct;
  const squash = (k: string): string => k.toLowerCase().replace(/[-_]/g, '');
  for (const k of HOST_CONF_KEYS) if (squash(k) === squash(key)) return k;
  const n = normaliseHostConfKey(key).toLowerCase();
  if (n.length < 6) return null;
  for (const k of HOST_CONF_KEYS) if (Math.abs(k.length - n.length) <= 1 && editDistanceAtMost1(k, n)) return k;
  return null;
}

function editDistanceAtMost1(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
