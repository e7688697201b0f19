import type { ReactNode } from "react";
import { SectionMessages } from "@/components/i18n/section-messages";

export default function SystemsLayout({ children }: { children: ReactNode }) {
  return <SectionMessages area="admin/systems">{children}</SectionMessages>;
}
