import { StatusPage } from "@/components/ui/status-page";

export default function Forbidden() {
  return <StatusPage namespace="forbidden" />;
}
