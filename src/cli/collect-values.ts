/** Commander's accumulator for a repeatable option (`-d A -d B`). */
export const collectValues = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];
