import type { ReactNode } from "react";
import { SectionMessages } from "@/components/i18n/section-messages";

export default function PersonLayout({ children }: { children: ReactNode }) {
  return <SectionMessages area="admin/person">{children}</SectionMessages>;
}
