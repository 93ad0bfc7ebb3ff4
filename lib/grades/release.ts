// Whether an assignment exists for a viewer now: hidden ones (folders deleted) exist for nobody,
// unreleased ones only for staff. Students cannot tell unreleased from missing.
export function isReleasedTo(a: { releaseAt: Date; hidden: boolean }, viewer: { isStaff: boolean }, now: Date): boolean {
  return !a.hidden && (viewer.isStaff || a.releaseAt <= now);
}
