import type { ReactNode } from "react";
import { SectionMessages } from "@/components/i18n/section-messages";

export default function StaffLayout({ children }: { children: ReactNode }) {
  return <SectionMessages area="admin/staff">{children}</SectionMessages>;
}
