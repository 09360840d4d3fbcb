// A site rule as a site would keep it: an ES module whose default export has the shape
// defineRule takes. Policy of this example site: hosts do not boot with iommu=pt.
export default {
  id: 'site-no-iommu-pt',
  title: 'Site policy: hosts do not boot with iommu=pt',
  severity: 'warning',
  tags: ['site'],
  needs: ['cmdline'],
  messages: { present: 'The kernel command line has {{raw}}.', absent: 'The kernel command line has no iommu=pt.' },
  check({ cmdline }, r) {
    const p = cmdline.value.params.find((x) => x.key === 'iommu' && x.value === 'pt');
    return p
      ? r.fail('present', { raw: p.raw }, [cmdline.value.ref], {
          summary: 'Boot without iommu=pt',
          steps: [{ kind: 'note', text: 'site policy' }],
        })
      : r.pass('absent', {}, [cmdline.value.ref]);
  },
};
