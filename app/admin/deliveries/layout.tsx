import type { ReactNode } from "react";
import { SectionMessages } from "@/components/i18n/section-messages";

export default function DeliveriesLayout({ children }: { children: ReactNode }) {
  return <SectionMessages area="admin/deliveries">{children}</SectionMessages>;
}
